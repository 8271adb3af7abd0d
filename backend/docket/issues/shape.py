"""The issue as the outside world sees it, declared once.

Each public field of an issue is one `IssueField` below, in the order the API writes it. From
this one list come:

- the output serializers' fields (`IssueListItem`, `IssueOutput`: `Meta.fields` are
  `LIST_FIELDS` and `DETAIL_FIELDS`), hence the OpenAPI schema;
- the JSON PostgreSQL builds for the hot reads (docket.issues.listing): `rendered` is an ORM
  expression over `Issue`, resolved against the models when the statement is compiled;
- the history snapshot every issue event records (`issue_snapshot`): the fields with a
  `history` rule, names as they were at the time.

A plain column of `Issue` needs only its name here (the serializer takes it from the model,
the rendering is the column, the history its value if `history=_value`); a field with a shape
of its own (a nested object, a list, a name for a stored rank) gives its expression, and its
serializer field in `issues/api/serializers.py`. `issues/tests/test_shape.py` keeps the three
in agreement.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Case, CharField, F, Func, OuterRef, Subquery, Value, When

from docket.accounts.models import User
from docket.core.json_expressions import (
    EmptyArrayIfNull,
    JSONAgg,
    JSONBuildObject,
    JSONParameter,
    Later,
    UtcTimestamp,
)
from docket.issues.models import Issue, IssueAssignee, IssueLabel, Priority
from docket.projects.models import Label, State

# --- How the history records a field -----------------------------------------------------------


@dataclass(frozen=True)
class Linked:
    """An issue's many-to-many sides as a write sees them (before or after it)."""

    assignees: Iterable[User]
    labels: Iterable[Label]


HistoryRule = Callable[[Issue, Linked, str], Any]


def _value(issue: Issue, linked: Linked, name: str) -> Any:
    return getattr(issue, name)


def _iso(issue: Issue, linked: Linked, name: str) -> str | None:
    value: datetime.date | None = getattr(issue, name)
    return value.isoformat() if value else None


def user_ref(user: User) -> dict[str, str]:
    return {"id": str(user.id), "display_name": user.display_name}


def state_ref(state: State) -> dict[str, str]:
    return {"id": str(state.id), "name": state.name, "category": state.category}


def _state(issue: Issue, linked: Linked, name: str) -> dict[str, str]:
    return state_ref(issue.state)


def _priority_name(issue: Issue, linked: Linked, name: str) -> str:
    return Priority(issue.priority).label


def _parent(issue: Issue, linked: Linked, name: str) -> dict[str, str] | None:
    return {"id": str(issue.parent.id), "key": issue.parent.key} if issue.parent else None


def _assignees(issue: Issue, linked: Linked, name: str) -> list[dict[str, str]]:
    return sorted(map(user_ref, linked.assignees), key=lambda ref: ref["id"])


def _labels(issue: Issue, linked: Linked, name: str) -> list[dict[str, str]]:
    refs = ({"id": str(label.id), "name": label.name} for label in linked.labels)
    return sorted(refs, key=lambda ref: ref["id"])


# --- How PostgreSQL renders a field ------------------------------------------------------------


class _IssueKey(Func):
    """`ENG-42`: the project's key, a dash, the number (both never NULL)."""

    arg_joiner = " || '-' || "
    template = "(%(expressions)s)"
    output_field = CharField()


def _key(prefix: str = "") -> _IssueKey:
    return _IssueKey(F(f"{prefix}project__key"), F(f"{prefix}number"))


def _person(prefix: str, *, with_email: bool) -> JSONBuildObject:
    """A user as `UserSummaryOutput` shows one: the address only to a reader who may see it."""
    email = F(f"{prefix}email") if with_email else Value(None, output_field=CharField())
    return JSONBuildObject(
        id=F(f"{prefix}id"), display_name=F(f"{prefix}display_name"), email=email
    )


_PRIORITY_NAME = Case(
    *(When(priority=member.value, then=Value(member.label)) for member in Priority),
    output_field=CharField(),
)


def _assignees_rendered(*, with_emails: bool) -> EmptyArrayIfNull:
    # A list is one aggregate per issue, ordered as the model-backed selectors order it.
    people = JSONAgg(
        _person("user__", with_email=with_emails), order_by=("user__display_name", "user__id")
    )
    return EmptyArrayIfNull(
        Subquery(
            IssueAssignee.objects.filter(issue=OuterRef("pk"))
            .values("issue")
            .annotate(people=people)
            .values("people")
        )
    )


def _reporter_rendered(*, with_emails: bool) -> Case:
    return Case(When(reporter__isnull=False, then=_person("reporter__", with_email=with_emails)))


_LABELS = EmptyArrayIfNull(
    Subquery(
        IssueLabel.objects.filter(issue=OuterRef("pk"))
        .values("issue")
        .annotate(
            labels=JSONAgg(
                JSONBuildObject(id=F("label__id"), name=F("label__name"), color=F("label__color")),
                order_by=("label__name", "label__id"),
            )
        )
        .values("labels")
    )
)


# What the caller may do to an issue (`IssueCapabilities`): the same for every issue of an
# answer, so one bound value (docket.issues.listing binds it; docket.http.capabilities says it).
CALLER_CAPABILITIES = Later("capabilities")


# --- The fields ------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueField:
    name: str
    # The JSON value PostgreSQL writes for it (default: the column of that name).
    rendered: Any = None
    # How an event's snapshot records it; None: the history does not follow it.
    history: HistoryRule | None = None
    # Shown by one issue's answer (`IssueOutput`) only, not by the lists.
    detail_only: bool = False
    # A field that shows people: how it is rendered for a reader who may not see e-mail
    # addresses (docket.core.visibility.member_emails_shown); `rendered` shows them.
    rendered_without_emails: Any = None

    def expression(self, *, with_emails: bool) -> Any:
        if not with_emails and self.rendered_without_emails is not None:
            return self.rendered_without_emails
        return F(self.name) if self.rendered is None else self.rendered


ISSUE_FIELDS: tuple[IssueField, ...] = (
    IssueField("id"),
    IssueField("key", _key()),
    IssueField("number"),
    IssueField(
        "project",
        JSONBuildObject(id=F("project__id"), key=F("project__key"), name=F("project__name")),
    ),
    IssueField("title", history=_value),
    IssueField(
        "state",
        JSONBuildObject(
            id=F("state__id"),
            name=F("state__name"),
            category=F("state__category"),
            color=F("state__color"),
        ),
        history=_state,
    ),
    IssueField("priority", _PRIORITY_NAME, history=_priority_name),
    IssueField("estimate", history=_value),
    IssueField("due_date", history=_iso),
    IssueField(
        "assignees",
        _assignees_rendered(with_emails=True),
        history=_assignees,
        rendered_without_emails=_assignees_rendered(with_emails=False),
    ),
    IssueField("labels", _LABELS, history=_labels),
    IssueField(
        "parent",
        Case(
            When(
                parent__isnull=False,
                then=JSONBuildObject(
                    id=F("parent__id"), key=_key("parent__"), title=F("parent__title")
                ),
            )
        ),
        history=_parent,
    ),
    IssueField(
        "reporter",
        _reporter_rendered(with_emails=True),
        rendered_without_emails=_reporter_rendered(with_emails=False),
    ),
    IssueField("position"),
    IssueField("created_at", UtcTimestamp(F("created_at"))),
    IssueField("updated_at", UtcTimestamp(F("updated_at"))),
    IssueField("completed_at", UtcTimestamp(F("completed_at")), history=_iso),
    IssueField("external_ref", history=_value),
    IssueField("capabilities", JSONParameter(CALLER_CAPABILITIES)),
    IssueField("description", history=_value, detail_only=True),
)

LIST_FIELDS: tuple[IssueField, ...] = tuple(f for f in ISSUE_FIELDS if not f.detail_only)
DETAIL_FIELDS: tuple[IssueField, ...] = ISSUE_FIELDS
HISTORY_FIELDS: tuple[IssueField, ...] = tuple(f for f in ISSUE_FIELDS if f.history is not None)


def names(fields: Iterable[IssueField]) -> list[str]:
    return [field.name for field in fields]


def issue_json_object(fields: Iterable[IssueField], *, with_emails: bool) -> JSONBuildObject:
    """The ORM expression of one issue's JSON object with `fields`, in their order; the people
    in it with their e-mail addresses or without."""
    return JSONBuildObject(
        **{field.name: field.expression(with_emails=with_emails) for field in fields}
    )


def issue_snapshot(issue: Issue, *, assignees: Iterable[User], labels: Iterable[Label]) -> dict:
    """What an issue looks like to a reader of its history: names as they were at the time."""
    linked = Linked(assignees=assignees, labels=labels)
    return {
        field.name: field.history(issue, linked, field.name)
        for field in HISTORY_FIELDS
        if field.history is not None
    }
