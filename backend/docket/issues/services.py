"""Writes for issues and comments. Each service is one transaction that records its events.

Lock order, the same on every write path so that two writers can never wait on each other in a
cycle: the project row (issue numbers), then state rows (board columns, by id), then issue rows
(by id). Issue rows are locked FOR NO KEY UPDATE, which does not block the key-share locks that
inserting a comment or a link takes on its issue.
"""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import IntegrityError, connection, transaction
from django.db.models import Max, Q
from django.utils import timezone

from docket.accounts.models import User
from docket.core.access import Access
from docket.core.errors import (
    ApplicationError,
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    PreconditionFailed,
    ValidationFailed,
)
from docket.core.events import EventType, diff, emit, new_event
from docket.core.models import Event
from docket.core.roles import Role
from docket.core.rows import lock_existing
from docket.core.types import UNSET, Maybe
from docket.issues import events
from docket.issues.models import (
    Comment,
    Issue,
    IssueAssignee,
    IssueLabel,
    IssueRelation,
    Priority,
)
from docket.issues.positions import key_between
from docket.issues.shape import issue_snapshot, state_ref
from docket.projects.models import Label, Project, ProjectMember, State, StateCategory
from docket.projects.permissions import ensure_can_contribute
from docket.workspaces.models import Membership

MAX_BULK_ISSUES = 100
MAX_PARENT_DEPTH = 1000


# --- Snapshots and events ----------------------------------------------------------------------


def issue_event(
    kind: EventType, *, access: Access, issue: Issue, changes: dict | None = None
) -> Event:
    """An unsaved event about an issue (comment events included: they belong to its history)."""
    return new_event(
        kind,
        access=access,
        subject_id=issue.pk,
        subject_label=issue.key,
        project_id=issue.project_id,
        changes=changes,
    )


# --- Reference resolution: every id must belong to the issue's project or workspace ------------


class _Errors:
    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, field: str, code: str, message: str) -> None:
        self.items.append(FieldError(field, code, message))

    def error(self) -> ValidationFailed | None:
        if not self.items:
            return None
        message = self.items[0].message if len(self.items) == 1 else "The input is not valid."
        return ValidationFailed(message, errors=self.items)

    def raise_if_any(self) -> None:
        error = self.error()
        if error is not None:
            raise error


def _resolve_state(project: Project, state_id: Any, errors: _Errors) -> State | None:
    state = State.objects.filter(project=project, id=state_id).first()
    if state is None:
        errors.add("state_id", "invalid_state", "No such state in this project.")
    return state


def _default_state(project: Project) -> State:
    return _default_state_among(
        list(State.objects.filter(project=project).order_by("position", "id"))
    )


def _default_state_among(states: Sequence[State]) -> State:
    """Where a new issue goes when none is named: the first unstarted column, else backlog."""
    for category in (StateCategory.UNSTARTED, StateCategory.BACKLOG):
        for state in states:
            if state.category == category:
                return state
    return states[0]


def _resolve_labels(
    project: Project, label_ids: Sequence[Any], errors: _Errors, *, field: str = "label_ids"
) -> list[Label]:
    wanted = list(dict.fromkeys(label_ids))
    labels = list(Label.objects.filter(project=project, id__in=wanted))
    if len(labels) != len(wanted):
        errors.add(field, "invalid_label", "Labels must belong to the issue's project.")
    return labels


def _assignable(project: Project, user_ids: Sequence[Any]) -> list[User]:
    """Those of `user_ids` who may be assigned in `project`: workspace members who see it."""
    memberships = list(
        Membership.objects.filter(
            workspace_id=project.workspace_id, user_id__in=user_ids
        ).select_related("user")
    )
    guests_in_project = set(
        ProjectMember.objects.filter(
            project=project, membership__in=[m for m in memberships if m.role == Role.GUEST]
        ).values_list("membership_id", flat=True)
    )
    return [m.user for m in memberships if m.role != Role.GUEST or m.id in guests_in_project]


def _resolve_assignees(
    project: Project, user_ids: Sequence[Any], errors: _Errors, *, field: str = "assignee_ids"
) -> list[User]:
    wanted = list(dict.fromkeys(user_ids))
    allowed = _assignable(project, wanted)
    if len(allowed) != len(wanted):
        errors.add(
            field,
            "invalid_assignee",
            "Assignees must be workspace members who can see this project.",
        )
    return allowed


def _ancestor_ids(issue: Issue) -> set[uuid.UUID]:
    """`issue` and its ancestors, in one recursive query (bounded against corrupt loops)."""
    table = Issue._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH RECURSIVE ancestors(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM {table} WHERE id = %s
                UNION ALL
                SELECT i.id, i.parent_id, a.depth + 1
                FROM {table} i JOIN ancestors a ON i.id = a.parent_id
                WHERE a.depth < %s
            )
            SELECT id FROM ancestors
            """,  # noqa: S608 - the table name is ours, values are parameters
            [issue.id, MAX_PARENT_DEPTH],
        )
        return {row[0] for row in cursor.fetchall()}


def _resolve_parent(project: Project, parent_id: Any, errors: _Errors) -> Issue | None:
    if parent_id is None:
        return None
    parent = Issue.objects.select_related("project").filter(project=project, id=parent_id).first()
    if parent is None:
        errors.add("parent_id", "invalid_parent", "The parent must be an issue of this project.")
    return parent


def _parent_cycle() -> ValidationFailed:
    return ValidationFailed.for_field(
        "parent_id", "parent_cycle", "An issue cannot be its own ancestor."
    )


# --- Locks, positions and completion -----------------------------------------------------------


def lock_states(states: Iterable[State]) -> None:
    """Lock board columns, by id. Every write that places an issue in a column locks the column's
    state row first, so two writers never compute the same key between the same neighbours."""
    ids = sorted({state.pk for state in states})
    if ids:
        list(State.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))


def lock_issues(issues: Iterable[Issue], *, deleting: bool = False) -> list[Issue]:
    """Lock issue rows, by id, and return them re-read: what a concurrent writer committed
    before we got the lock is what we change.

    A deletion takes the stronger FOR UPDATE. Rows that reference an issue (a subscription or
    notification the relay inserts meanwhile) take FOR KEY SHARE when their foreign key is
    checked, which FOR NO KEY UPDATE lets through: such a row committed between the deletion's
    cascade and its COMMIT would fail the deletion (a 500). Under FOR UPDATE it either committed
    before the cascade looked (and is deleted with the issue) or waits and fails itself (the
    relay retries, and skips the deleted issue)."""
    ids = sorted({issue.pk for issue in issues})
    # Lock, then read, in two statements. A locking SELECT that joins the state would, after
    # waiting on a writer that moved the issue, re-check the join against the state row it had
    # already read and drop the issue (PostgreSQL's recheck of non-locked joined rows).
    list(
        Issue.objects.select_for_update(no_key=not deleting)
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return list(
        Issue.objects.filter(pk__in=ids)
        .select_related("project", "state", "parent__project")
        .order_by("pk")
    )


def ensure_version(issue: Issue, expected: Collection[int] | None) -> None:
    """Refuse the write if the caller's copy of `issue` (re-read under its row lock) is stale:
    its version is none of `expected`. None means the caller named no version."""
    if expected is not None and issue.version not in expected:
        raise PreconditionFailed(
            "The issue changed since you read it; reload it and try again.",
        )


def end_of_column(state: State) -> str:
    """A position after every issue of the column."""
    last = (
        Issue.objects.filter(state=state)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    return key_between(last, None)


def completed_at_in(state: State, current: datetime.datetime | None) -> datetime.datetime | None:
    if state.category == StateCategory.COMPLETED:
        return current or timezone.now()
    return None


def _archived(project: Project) -> Conflict | None:
    if project.archived_at is None:
        return None
    return Conflict(
        "The project is archived; unarchive it to change its issues.", code="project_archived"
    )


def ensure_open(project: Project) -> None:
    error = _archived(project)
    if error is not None:
        raise error


# --- External references -----------------------------------------------------------------------

EXTERNAL_REF_CONSTRAINT = "issue_external_ref_unique"


def _external_ref_taken(ref: str) -> Conflict:
    return Conflict(
        f"Another issue of this project has the external reference {ref!r}.",
        code="external_ref_taken",
    )


def _clean_external_ref(value: str | None) -> str | None:
    """Blank means none: an importer that sends "" has no reference to keep unique."""
    if value is None:
        return None
    return value.strip() or None


def _ensure_external_ref_free(project: Project, ref: str | None, *, issue: Issue | None) -> None:
    """Refuse a reference another issue of the project has. The unique constraint decides in
    the end (see _external_ref_race): this check only gives the common case its clear answer
    without a failed INSERT."""
    if ref is None:
        return
    taken = Issue.objects.filter(project=project, external_ref=ref)
    if issue is not None:
        taken = taken.exclude(pk=issue.pk)
    if taken.exists():
        raise _external_ref_taken(ref)


def _is_external_ref_race(error: IntegrityError) -> bool:
    """True if `error` is the external_ref constraint refusing a write: another transaction
    took the reference between our check and our write."""
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None) == EXTERNAL_REF_CONSTRAINT


# --- Issues ----------------------------------------------------------------------------------


def _allocate_numbers(project: Project, count: int = 1) -> int:
    """Reserve the next `count` issue numbers in one statement and return the last of them,
    under the project row's lock until the transaction ends: no two transactions get the same
    number, and a rolled-back one gives its numbers back (no gaps)."""
    table = Project._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_issue_number = last_issue_number + %s "  # noqa: S608
            "WHERE id = %s RETURNING last_issue_number",
            [count, project.id],
        )
        return cursor.fetchone()[0]


def issue_create(
    *,
    access: Access,
    project: Project,
    title: str,
    description: str = "",
    state_id: uuid.UUID | None = None,
    priority: str = "none",
    estimate: int | None = None,
    due_date: datetime.date | None = None,
    parent_id: uuid.UUID | None = None,
    assignee_ids: Sequence[uuid.UUID] = (),
    label_ids: Sequence[uuid.UUID] = (),
    external_ref: str | None = None,
) -> Issue:
    """Create an issue at the end of its state's column. Members and above, in an open project
    they can see; the caller is the reporter. Records `issue.created` with every field set.
    Conflict (`external_ref_taken`) if another issue of the project has `external_ref`, even
    when a concurrent create takes it first."""
    ensure_can_contribute(access, action="create issues")
    access.ensure_can_see(project)
    ensure_open(project)
    errors = _Errors()
    state = _resolve_state(project, state_id, errors) if state_id else _default_state(project)
    labels = _resolve_labels(project, label_ids, errors)
    assignees = _resolve_assignees(project, assignee_ids, errors)
    parent = _resolve_parent(project, parent_id, errors)
    errors.raise_if_any()
    assert state is not None  # noqa: S101 - errors.raise_if_any() ran
    external_ref = _clean_external_ref(external_ref)
    _ensure_external_ref_free(project, external_ref, issue=None)
    try:
        return _insert_issue(
            access=access,
            project=project,
            state=state,
            labels=labels,
            assignees=assignees,
            fields={
                "title": title.strip(),
                "description": description,
                "priority": Priority.from_name(priority),
                "estimate": estimate,
                "due_date": due_date,
                "parent": parent,
                "external_ref": external_ref,
            },
        )
    except IntegrityError as error:
        if external_ref is not None and _is_external_ref_race(error):
            raise _external_ref_taken(external_ref) from error
        raise


def _insert_issue(
    *,
    access: Access,
    project: Project,
    state: State,
    labels: list[Label],
    assignees: list[User],
    fields: Mapping[str, Any],
) -> Issue:
    with transaction.atomic():
        number = _allocate_numbers(project)
        lock_states([state])
        issue = Issue.objects.create(
            workspace_id=project.workspace_id,
            project=project,
            number=number,
            state=state,
            reporter=access.user,
            completed_at=completed_at_in(state, None),
            position=end_of_column(state),
            **fields,
        )
        IssueAssignee.objects.bulk_create(IssueAssignee(issue=issue, user=u) for u in assignees)
        IssueLabel.objects.bulk_create(IssueLabel(issue=issue, label=lb) for lb in labels)
        emit(
            issue_event(
                events.ISSUE_CREATED,
                access=access,
                issue=issue,
                changes=diff({}, issue_snapshot(issue, assignees=assignees, labels=labels)),
            )
        )
    return issue


@dataclass(frozen=True)
class BulkCreateResult:
    issue: Issue | None
    error: ApplicationError | None


@dataclass
class _NewIssue:
    fields: Mapping[str, Any]
    state: State
    labels: list[Label]
    assignees: list[User]
    parent: Issue | None
    external_ref: str | None


def _plan_new_issues(
    project: Project, items: Sequence[Mapping[str, Any]]
) -> list[_NewIssue | ApplicationError]:
    """Resolve every item's references with one query per kind for the whole batch, checked
    as issue_create checks them; an item that names something outside the project gets its
    error."""

    def wanted(name: str) -> set[Any]:
        return {value for item in items for value in item.get(name) or ()}

    states = list(State.objects.filter(project=project).order_by("position", "id"))
    states_by_id = {state.pk: state for state in states}
    labels_by_id = {
        label.pk: label
        for label in Label.objects.filter(project=project, id__in=wanted("label_ids"))
    }
    users_by_id = {user.pk: user for user in _assignable(project, list(wanted("assignee_ids")))}
    parent_ids = {item["parent_id"] for item in items if item.get("parent_id")}
    parents_by_id = {
        parent.pk: parent
        for parent in Issue.objects.select_related("project").filter(
            project=project, id__in=parent_ids
        )
    }
    default = _default_state_among(states)
    refs = [_clean_external_ref(item.get("external_ref")) for item in items]
    taken_refs = (
        set(
            Issue.objects.filter(
                project=project, external_ref__in=[ref for ref in refs if ref]
            ).values_list("external_ref", flat=True)
        )
        if any(refs)
        else set()
    )

    plans: list[_NewIssue | ApplicationError] = []
    for item, ref in zip(items, refs, strict=True):
        errors = _Errors()
        state = states_by_id.get(item["state_id"]) if item.get("state_id") else default
        if state is None:
            errors.add("state_id", "invalid_state", "No such state in this project.")
        label_ids = list(dict.fromkeys(item.get("label_ids") or ()))
        labels = [labels_by_id[i] for i in label_ids if i in labels_by_id]
        if len(labels) != len(label_ids):
            errors.add("label_ids", "invalid_label", "Labels must belong to the issue's project.")
        user_ids = list(dict.fromkeys(item.get("assignee_ids") or ()))
        assignees = [users_by_id[i] for i in user_ids if i in users_by_id]
        if len(assignees) != len(user_ids):
            errors.add(
                "assignee_ids",
                "invalid_assignee",
                "Assignees must be workspace members who can see this project.",
            )
        parent = parents_by_id.get(item["parent_id"]) if item.get("parent_id") else None
        if item.get("parent_id") and parent is None:
            errors.add(
                "parent_id", "invalid_parent", "The parent must be an issue of this project."
            )
        error = errors.error()
        if error is not None or state is None:
            plans.append(error or ValidationFailed("The input is not valid."))
        elif ref is not None and ref in taken_refs:
            # Taken before, or by an earlier item of this batch.
            plans.append(_external_ref_taken(ref))
        else:
            if ref is not None:
                taken_refs.add(ref)
            plans.append(_NewIssue(item, state, labels, assignees, parent, ref))
    return plans


def issue_bulk_create(
    *, access: Access, project: Project, items: Sequence[Mapping[str, Any]]
) -> list[BulkCreateResult]:
    """Create up to MAX_BULK_ISSUES issues in one project, each as issue_create would: same
    fields and checks, at the end of its state's column, the caller as reporter, one
    `issue.created` each. An item whose references are not the project's gets its error and
    the others are created, all in one transaction, numbered in item order from one block
    reserved in one statement. Refusals of the whole request (role, visibility, an archived
    project) raise. One result per item, in item order; queries do not grow with the items.
    An item whose external_ref another issue (or an earlier item) has gets a Conflict
    (`external_ref_taken`); if a concurrent write takes one of the batch's references first,
    the whole batch is refused with that Conflict and nothing is created."""
    ensure_can_contribute(access, action="create issues")
    access.ensure_can_see(project)
    ensure_open(project)
    if len(items) > MAX_BULK_ISSUES:
        raise ValidationFailed.for_field(
            "issues", "max_length", f"Give at most {MAX_BULK_ISSUES} issues."
        )
    plans = _plan_new_issues(project, items)
    planned = [plan for plan in plans if isinstance(plan, _NewIssue)]
    created: dict[int, Issue] = {}
    if planned:
        try:
            issues = _insert_planned(access=access, project=project, planned=planned)
        except IntegrityError as error:
            if _is_external_ref_race(error):
                raise Conflict(
                    "Another write took one of these external references; nothing was created.",
                    code="external_ref_taken",
                ) from error
            raise
        created = {id(plan): issue for plan, issue in zip(planned, issues, strict=True)}
    return [
        BulkCreateResult(created[id(plan)], None)
        if isinstance(plan, _NewIssue)
        else BulkCreateResult(None, plan)
        for plan in plans
    ]


def _insert_planned(*, access: Access, project: Project, planned: list[_NewIssue]) -> list[Issue]:
    """Insert the planned issues, their links and events in one transaction."""
    with transaction.atomic():
        first = _allocate_numbers(project, len(planned)) - len(planned) + 1
        lock_states(plan.state for plan in planned)
        # The end of each column, in one query: the batch is appended after it, in order.
        ends: dict[uuid.UUID, str | None] = dict(
            Issue.objects.filter(state__in={plan.state for plan in planned})
            .values("state_id")
            .annotate(last=Max("position"))
            .values_list("state_id", "last")
        )
        issues = []
        for offset, plan in enumerate(planned):
            position = key_between(ends.get(plan.state.pk), None)
            ends[plan.state.pk] = position
            fields = plan.fields
            issues.append(
                Issue(
                    workspace_id=project.workspace_id,
                    project=project,
                    number=first + offset,
                    title=fields["title"].strip(),
                    description=fields.get("description", ""),
                    state=plan.state,
                    priority=Priority.from_name(fields.get("priority", "none")),
                    estimate=fields.get("estimate"),
                    due_date=fields.get("due_date"),
                    parent=plan.parent,
                    reporter=access.user,
                    completed_at=completed_at_in(plan.state, None),
                    position=position,
                    external_ref=plan.external_ref,
                )
            )
        Issue.objects.bulk_create(issues)
        IssueAssignee.objects.bulk_create(
            IssueAssignee(issue=issue, user=user)
            for issue, plan in zip(issues, planned, strict=True)
            for user in plan.assignees
        )
        IssueLabel.objects.bulk_create(
            IssueLabel(issue=issue, label=label)
            for issue, plan in zip(issues, planned, strict=True)
            for label in plan.labels
        )
        emit(
            *(
                issue_event(
                    events.ISSUE_CREATED,
                    access=access,
                    issue=issue,
                    changes=diff(
                        {}, issue_snapshot(issue, assignees=plan.assignees, labels=plan.labels)
                    ),
                )
                for issue, plan in zip(issues, planned, strict=True)
            )
        )
    return issues


@dataclass
class _Plan:
    """The resolved references of one project's share of an update."""

    state: State | None = None
    labels: list[Label] | None = None
    assignees: list[User] | None = None
    parent: Issue | None = None
    ancestors: set[uuid.UUID] | None = None
    # Added to / taken from each issue's own links, after `labels` / `assignees` replaced them.
    add_labels: list[Label] | None = None
    remove_label_ids: set[uuid.UUID] | None = None
    add_assignees: list[User] | None = None
    remove_assignee_ids: set[uuid.UUID] | None = None

    @property
    def touches_labels(self) -> bool:
        return (self.labels, self.add_labels, self.remove_label_ids) != (None, None, None)

    @property
    def touches_assignees(self) -> bool:
        return (self.assignees, self.add_assignees, self.remove_assignee_ids) != (None, None, None)


def _plan_for(project: Project, changes: dict[str, Any]) -> tuple[_Plan, ApplicationError | None]:
    refused = _archived(project)
    if refused is not None:
        return _Plan(), refused
    errors = _Errors()
    plan = _Plan()
    if changes.get("state_id", UNSET) is not UNSET:
        plan.state = _resolve_state(project, changes["state_id"], errors)
    if changes.get("label_ids", UNSET) is not UNSET:
        plan.labels = _resolve_labels(project, changes["label_ids"], errors)
    if changes.get("assignee_ids", UNSET) is not UNSET:
        plan.assignees = _resolve_assignees(project, changes["assignee_ids"], errors)
    if changes.get("add_label_ids", UNSET) is not UNSET:
        plan.add_labels = _resolve_labels(
            project, changes["add_label_ids"], errors, field="add_label_ids"
        )
    if changes.get("add_assignee_ids", UNSET) is not UNSET:
        plan.add_assignees = _resolve_assignees(
            project, changes["add_assignee_ids"], errors, field="add_assignee_ids"
        )
    # Removing a link that is not there is a no-op, so removals need no lookup: a label of
    # another project or a former member is simply not linked to this project's issues.
    if changes.get("remove_label_ids", UNSET) is not UNSET:
        plan.remove_label_ids = set(changes["remove_label_ids"])
    if changes.get("remove_assignee_ids", UNSET) is not UNSET:
        plan.remove_assignee_ids = set(changes["remove_assignee_ids"])
    if changes.get("parent_id", UNSET) is not UNSET:
        plan.parent = _resolve_parent(project, changes["parent_id"], errors)
        if plan.parent is not None:
            plan.ancestors = _ancestor_ids(plan.parent)
    return plan, errors.error()


def _apply(issue: Issue, plan: _Plan, changes: dict[str, Any]) -> None:
    for field in ("title", "description", "estimate", "due_date"):
        value = changes.get(field, UNSET)
        if value is not UNSET:
            setattr(issue, field, value.strip() if field == "title" else value)
    if changes.get("priority", UNSET) is not UNSET:
        issue.priority = Priority.from_name(changes["priority"])
    if changes.get("parent_id", UNSET) is not UNSET:
        issue.parent = plan.parent
    if changes.get("external_ref", UNSET) is not UNSET:
        issue.external_ref = changes["external_ref"]


# One link model per call, so bulk_create gets rows of the model it is called on.
_Link = TypeVar("_Link", IssueAssignee, IssueLabel)


def _replace_links(model: type[_Link], field: str, wanted: dict[uuid.UUID, set[uuid.UUID]]) -> None:
    """Make each issue's links (assignees or labels) exactly `wanted[issue_id]`: one DELETE and
    one INSERT for the whole batch."""
    if not wanted:
        return
    existing: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for issue_id, target_id in model.objects.filter(issue_id__in=list(wanted)).values_list(
        "issue_id", f"{field}_id"
    ):
        existing[issue_id].add(target_id)
    stale = Q()
    for issue_id, targets in wanted.items():
        gone = existing[issue_id] - targets
        if gone:
            stale |= Q(issue_id=issue_id, **{f"{field}_id__in": gone})
    if stale:
        model.objects.filter(stale).delete()
    model.objects.bulk_create(
        model(issue_id=issue_id, **{f"{field}_id": target_id})
        for issue_id, targets in wanted.items()
        for target_id in targets - existing[issue_id]
    )


_Linked = TypeVar("_Linked", User, Label)


def _final_links(
    current: list[_Linked],
    replacement: list[_Linked] | None,
    added: list[_Linked] | None,
    removed: set[uuid.UUID] | None,
) -> list[_Linked]:
    """An issue's assignees or labels after a change: replaced, then added to, then taken from."""
    links = {link.pk: link for link in (current if replacement is None else replacement)}
    links.update((link.pk, link) for link in added or ())
    return [link for pk, link in links.items() if pk not in (removed or ())]


def _update_issues(
    *,
    access: Access,
    issues: Sequence[Issue],
    changes: dict[str, Any],
    expected_versions: Collection[int] | None = None,
) -> dict[uuid.UUID, Issue | ApplicationError]:
    """Apply the same changes to issues (possibly of several projects) in one transaction, with
    a number of queries that grows with the projects involved, not with the issues. An issue
    whose project refuses the change (archived, a reference of another project, a parent cycle)
    gets its error instead; the others are changed. Records `issue.updated` for each issue that
    changed, with old and new values of what changed. `expected_versions` (one issue only) is
    compared under the row lock: a stale one raises PreconditionFailed, and nothing is written."""
    outcome: dict[uuid.UUID, Issue | ApplicationError] = {}
    plans: dict[uuid.UUID, _Plan] = {}
    for project in {issue.project_id: issue.project for issue in issues}.values():
        plan, refused = _plan_for(project, changes)
        if refused is not None:
            outcome.update({i.pk: refused for i in issues if i.project_id == project.pk})
        else:
            plans[project.pk] = plan
    for issue in issues:
        issue_plan = plans.get(issue.project_id)
        if issue_plan and issue_plan.ancestors is not None and issue.pk in issue_plan.ancestors:
            outcome[issue.pk] = _parent_cycle()
    todo = [issue for issue in issues if issue.pk not in outcome]
    if not todo:
        return outcome

    with transaction.atomic():
        lock_states(plan.state for plan in plans.values() if plan.state is not None)
        locked = lock_issues(todo)
        outcome.update({issue.pk: NotFound("Issue not found.") for issue in todo})  # vanished
        for issue in locked:
            ensure_version(issue, expected_versions)
        ids = [issue.pk for issue in locked]
        assignees: dict[uuid.UUID, list[User]] = defaultdict(list)
        for assigned in IssueAssignee.objects.filter(issue_id__in=ids).select_related("user"):
            assignees[assigned.issue_id].append(assigned.user)
        labels: dict[uuid.UUID, list[Label]] = defaultdict(list)
        for labelled in IssueLabel.objects.filter(issue_id__in=ids).select_related("label"):
            labels[labelled.issue_id].append(labelled.label)
        column_ends: dict[uuid.UUID, str] = {}

        changed: list[Issue] = []
        new_assignees: dict[uuid.UUID, set[uuid.UUID]] = {}
        new_labels: dict[uuid.UUID, set[uuid.UUID]] = {}
        recorded = []
        now = timezone.now()
        for issue in locked:
            plan = plans[issue.project_id]
            before = issue_snapshot(issue, assignees=assignees[issue.pk], labels=labels[issue.pk])
            _apply(issue, plan, changes)
            if plan.state is not None and plan.state.pk != issue.state_id:
                if plan.state.pk not in column_ends:
                    # Issues moving in are in other columns; the batch's issues already in this
                    # one keep their places and count.
                    column_ends[plan.state.pk] = end_of_column(plan.state)
                issue.state = plan.state
                issue.position = column_ends[plan.state.pk]
                column_ends[plan.state.pk] = key_between(issue.position, None)
                issue.completed_at = completed_at_in(plan.state, issue.completed_at)
            final_assignees = _final_links(
                assignees[issue.pk], plan.assignees, plan.add_assignees, plan.remove_assignee_ids
            )
            final_labels = _final_links(
                labels[issue.pk], plan.labels, plan.add_labels, plan.remove_label_ids
            )
            after = issue_snapshot(issue, assignees=final_assignees, labels=final_labels)
            outcome[issue.pk] = issue
            difference = diff(before, after)
            if not difference:
                continue
            issue.updated_at = now  # bulk_update skips auto_now
            issue.version += 1  # the row is locked: no other writer can count the same one
            changed.append(issue)
            if "assignees" in difference and plan.touches_assignees:
                new_assignees[issue.pk] = {user.pk for user in final_assignees}
            if "labels" in difference and plan.touches_labels:
                new_labels[issue.pk] = {label.pk for label in final_labels}
            recorded.append(
                issue_event(events.ISSUE_UPDATED, access=access, issue=issue, changes=difference)
            )
        if changed:
            Issue.objects.bulk_update(
                changed,
                [
                    "title",
                    "description",
                    "priority",
                    "estimate",
                    "due_date",
                    "parent",
                    "state",
                    "position",
                    "completed_at",
                    "external_ref",
                    "updated_at",
                    "version",
                ],
            )
            _replace_links(IssueAssignee, "user", new_assignees)
            _replace_links(IssueLabel, "label", new_labels)
            emit(*recorded)
    return outcome


def issue_update(
    *,
    access: Access,
    issue: Issue,
    title: Maybe[str] = UNSET,
    description: Maybe[str] = UNSET,
    state_id: Maybe[uuid.UUID] = UNSET,
    priority: Maybe[str] = UNSET,
    estimate: Maybe[int | None] = UNSET,
    due_date: Maybe[datetime.date | None] = UNSET,
    parent_id: Maybe[uuid.UUID | None] = UNSET,
    assignee_ids: Maybe[Sequence[uuid.UUID]] = UNSET,
    label_ids: Maybe[Sequence[uuid.UUID]] = UNSET,
    external_ref: Maybe[str | None] = UNSET,
    expected_versions: Collection[int] | None = None,
) -> Issue:
    """Change some fields of an issue. Members and above, in an open project. A new state puts
    the issue at the end of that column and sets or clears completed_at. Records
    `issue.updated` with old and new values of the fields that changed; nothing if none did.
    With `expected_versions`, raises PreconditionFailed (writing nothing) if the issue's version
    is none of them once its row is locked. Conflict (`external_ref_taken`) if another issue
    of the project has `external_ref`."""
    ensure_can_contribute(access, action="edit issues")
    access.ensure_can_see(issue.project)
    if external_ref is not UNSET:
        external_ref = _clean_external_ref(external_ref)
        _ensure_external_ref_free(issue.project, external_ref, issue=issue)
    changes = {
        "title": title,
        "description": description,
        "state_id": state_id,
        "priority": priority,
        "estimate": estimate,
        "due_date": due_date,
        "parent_id": parent_id,
        "assignee_ids": assignee_ids,
        "label_ids": label_ids,
        "external_ref": external_ref,
    }
    try:
        result = _update_issues(
            access=access, issues=[issue], changes=changes, expected_versions=expected_versions
        )[issue.pk]
    except IntegrityError as error:
        if isinstance(external_ref, str) and _is_external_ref_race(error):
            raise _external_ref_taken(external_ref) from error
        raise
    if isinstance(result, ApplicationError):
        raise result
    # Prefetched relations are stale now; readers reload through the selector.
    return result


@dataclass(frozen=True)
class BulkResult:
    key: str
    issue: Issue | None
    error: ApplicationError | None


def issue_bulk_update(
    *, access: Access, issues_by_key: dict[str, Issue | None], changes: dict[str, Any]
) -> list[BulkResult]:
    """Apply the same changes to many issues. One refused issue (missing, archived project,
    a reference of another project) does not stop the others. Returns one result per requested
    key, in request order. Queries grow with the projects involved, not with the issues."""
    ensure_can_contribute(access, action="edit issues")
    found = [issue for issue in issues_by_key.values() if issue is not None]
    for issue in found:
        access.ensure_can_see(issue.project)
    outcome = _update_issues(access=access, issues=found, changes=changes) if found else {}
    results = []
    for key, maybe_issue in issues_by_key.items():
        result = outcome.get(maybe_issue.pk) if maybe_issue is not None else None
        if result is None:
            results.append(
                BulkResult(key, None, NotFound("Issue not found.", code="issue_not_found"))
            )
        elif isinstance(result, ApplicationError):
            results.append(BulkResult(key, None, result))
        else:
            results.append(BulkResult(key, result, None))
    return results


def _change_links(
    *,
    access: Access,
    issue: Issue,
    changes: dict[str, Any],
    expected_versions: Collection[int] | None,
) -> Issue:
    ensure_can_contribute(access, action="edit issues")
    access.ensure_can_see(issue.project)
    result = _update_issues(
        access=access, issues=[issue], changes=changes, expected_versions=expected_versions
    )[issue.pk]
    if isinstance(result, ValidationFailed) and result.errors:
        # The id came from the URL: one that is not this project's reads as a missing one.
        field = result.errors[0].field
        if field == "add_label_ids":
            raise NotFound("Label not found.", code="label_not_found")
        if field == "add_assignee_ids":
            raise NotFound("User not found.", code="user_not_found")
    if isinstance(result, ApplicationError):
        raise result
    return result


def issue_label_add(
    *,
    access: Access,
    issue: Issue,
    label_id: uuid.UUID,
    expected_versions: Collection[int] | None = None,
) -> Issue:
    """Put one label on an issue, keeping its others. Members and above, in an open project.
    Records `issue.updated` (labels) and bumps the version as a PATCH would; if the label was
    already there, writes nothing. NotFound (`label_not_found`) if the label is not of the
    issue's project; PreconditionFailed for a stale `expected_versions`."""
    return _change_links(
        access=access,
        issue=issue,
        changes={"add_label_ids": [label_id]},
        expected_versions=expected_versions,
    )


def issue_label_remove(
    *,
    access: Access,
    issue: Issue,
    label_id: uuid.UUID,
    expected_versions: Collection[int] | None = None,
) -> Issue:
    """Take one label off an issue, keeping its others; a label that was not there is a no-op
    (nothing written). NotFound (`label_not_found`) if the label is not of the issue's
    project. Otherwise as issue_label_add."""
    ensure_can_contribute(access, action="edit issues")
    access.ensure_can_see(issue.project)
    if not Label.objects.filter(project_id=issue.project_id, id=label_id).exists():
        raise NotFound("Label not found.", code="label_not_found")
    return _change_links(
        access=access,
        issue=issue,
        changes={"remove_label_ids": [label_id]},
        expected_versions=expected_versions,
    )


def issue_assignee_add(
    *,
    access: Access,
    issue: Issue,
    user_id: uuid.UUID,
    expected_versions: Collection[int] | None = None,
) -> Issue:
    """Assign one more person to an issue, keeping the others. They must be a workspace member
    who sees the project, else NotFound (`user_not_found`). Records `issue.updated`
    (assignees) unless they were already assigned. Otherwise as issue_label_add."""
    return _change_links(
        access=access,
        issue=issue,
        changes={"add_assignee_ids": [user_id]},
        expected_versions=expected_versions,
    )


def issue_assignee_remove(
    *,
    access: Access,
    issue: Issue,
    user_id: uuid.UUID,
    expected_versions: Collection[int] | None = None,
) -> Issue:
    """Unassign one person, keeping the others; someone not assigned is a no-op. NotFound
    (`user_not_found`) for someone who is neither assigned nor assignable (a former member
    who is still assigned can be unassigned). Otherwise as issue_label_add."""
    ensure_can_contribute(access, action="edit issues")
    access.ensure_can_see(issue.project)
    assigned = IssueAssignee.objects.filter(issue_id=issue.pk, user_id=user_id).exists()
    if not assigned and not _assignable(issue.project, [user_id]):
        raise NotFound("User not found.", code="user_not_found")
    return _change_links(
        access=access,
        issue=issue,
        changes={"remove_assignee_ids": [user_id]},
        expected_versions=expected_versions,
    )


def issue_move(
    *,
    access: Access,
    issue: Issue,
    state_id: uuid.UUID,
    after_id: uuid.UUID | None = None,
    before_id: uuid.UUID | None = None,
    expected_versions: Collection[int] | None = None,
) -> Issue:
    """Put an issue into a state's column right after `after_id` and/or right before
    `before_id` (both issues of that column); with neither, at the end. Members and above, in
    an open project. Writes one row; records `issue.moved`. A stale `expected_versions` raises
    PreconditionFailed before anything is written."""
    ensure_can_contribute(access, action="move issues")
    project = issue.project
    access.ensure_can_see(project)
    ensure_open(project)
    errors = _Errors()
    state = _resolve_state(project, state_id, errors)
    errors.raise_if_any()
    assert state is not None  # noqa: S101

    with transaction.atomic():
        lock_states([state])
        locked = lock_issues([issue])
        if not locked:
            raise NotFound("Issue not found.", code="issue_not_found")
        issue = locked[0]
        ensure_version(issue, expected_versions)
        column = Issue.objects.filter(state=state).exclude(pk=issue.pk)
        lower: str | None
        upper: str | None
        neighbours = {
            n.id: n for n in column.filter(id__in=[i for i in (after_id, before_id) if i])
        }
        if after_id and after_id not in neighbours:
            errors.add(
                "after_id", "invalid_neighbour", "after_id must be another issue in that state."
            )
        if before_id and before_id not in neighbours:
            errors.add(
                "before_id", "invalid_neighbour", "before_id must be another issue in that state."
            )
        errors.raise_if_any()
        after = neighbours.get(after_id) if after_id else None
        before = neighbours.get(before_id) if before_id else None
        if after is not None and before is None:
            lower = after.position
            upper = (
                column.filter(position__gt=lower)
                .order_by("position")
                .values_list("position", flat=True)
                .first()
            )
        elif before is not None and after is None:
            upper = before.position
            lower = (
                column.filter(position__lt=upper)
                .order_by("-position")
                .values_list("position", flat=True)
                .first()
            )
        elif after is not None and before is not None:
            lower, upper = after.position, before.position
            if not lower < upper:
                raise ValidationFailed.for_field(
                    "before_id", "invalid_neighbour", "after_id must come before before_id."
                )
        else:
            lower = column.order_by("-position").values_list("position", flat=True).first()
            upper = None

        old_state, old_position, old_completed = issue.state, issue.position, issue.completed_at
        issue.state = state
        issue.position = key_between(lower, upper)
        issue.completed_at = completed_at_in(state, issue.completed_at)
        issue.version += 1
        issue.save(update_fields=["state", "position", "completed_at", "updated_at", "version"])
        changes: dict[str, Any] = {"position": {"old": old_position, "new": issue.position}}
        if old_state.id != state.id:
            changes["state"] = {"old": state_ref(old_state), "new": state_ref(state)}
        if old_completed != issue.completed_at:
            changes["completed_at"] = {
                "old": old_completed.isoformat() if old_completed else None,
                "new": issue.completed_at.isoformat() if issue.completed_at else None,
            }
        emit(issue_event(events.ISSUE_MOVED, access=access, issue=issue, changes=changes))
    return issue


def _parent_cleared_events(*, access: Access, parents: Sequence[Issue]) -> list[Event]:
    """`issue.updated` for each child of `parents`, which are about to be deleted (the
    database sets their parent to null). Call inside the deleting transaction."""
    children = Issue.objects.filter(parent__in=list(parents)).select_related(
        "project", "parent__project"
    )
    return [
        issue_event(
            events.ISSUE_UPDATED,
            access=access,
            issue=child,
            changes={"parent": {"old": {"id": str(parent.id), "key": parent.key}, "new": None}},
        )
        for child in children
        if (parent := child.parent) is not None
    ]


def relations_cleared_events(
    issues: Sequence[Issue] = (), *, project: Project | None = None, access: Access
) -> list[Event]:
    """`issue.unlinked` on each issue related to one of `issues` (or to an issue of `project`)
    and not itself one of them, which are about to be deleted: their relation rows go with them.
    Each names the issue it lost and the relation as it saw it. One query; call inside the
    deleting transaction."""
    if project is not None:
        relations = IssueRelation.objects.filter(to_issue__project=project).exclude(
            from_issue__project=project
        )
    else:
        relations = IssueRelation.objects.filter(to_issue__in=list(issues)).exclude(
            from_issue__in=list(issues)
        )
    return [
        issue_event(
            events.ISSUE_UNLINKED,
            access=access,
            issue=relation.from_issue,
            changes={
                "issue": {
                    "old": {"id": str(relation.to_issue.id), "key": relation.to_issue.key},
                    "new": None,
                },
                "relation": {"old": relation.type, "new": None},
            },
        )
        for relation in relations.select_related(
            "from_issue__project", "to_issue__project"
        ).order_by("from_issue_id", "to_issue_id")
    ]


def issue_delete(
    *, access: Access, issue: Issue, expected_versions: Collection[int] | None = None
) -> None:
    """Delete an issue with its comments. Members and above, in an open project. Records
    `issue.deleted`, `issue.updated` for each child issue that loses its parent and
    `issue.unlinked` for each issue related to it. A stale
    `expected_versions` raises PreconditionFailed and deletes nothing."""
    ensure_can_contribute(access, action="delete issues")
    access.ensure_can_see(issue.project)
    ensure_open(issue.project)
    with transaction.atomic():
        locked = lock_issues([issue], deleting=True)
        if not locked:
            raise NotFound("Issue not found.", code="issue_not_found")
        ensure_version(locked[0], expected_versions)
        emit(
            issue_event(events.ISSUE_DELETED, access=access, issue=issue),
            *_parent_cleared_events(access=access, parents=[issue]),
            *relations_cleared_events([issue], access=access),
        )
        issue.delete()


# --- Comments --------------------------------------------------------------------------------


def _comment_event(kind: EventType, *, access: Access, comment: Comment) -> Event:
    return issue_event(
        kind,
        access=access,
        issue=comment.issue,
        changes={"comment_id": {"old": None, "new": str(comment.id)}},
    )


def comment_create(*, access: Access, issue: Issue, body: str) -> Comment:
    """Comment on an issue. Anyone who can see the issue, guests included."""
    access.ensure_can_see(issue.project)
    with transaction.atomic():
        comment = Comment.objects.create(
            workspace_id=issue.workspace_id, issue=issue, author=access.user, body=body
        )
        emit(_comment_event(events.COMMENT_CREATED, access=access, comment=comment))
    return comment


def comment_update(*, access: Access, comment: Comment, body: str) -> Comment:
    """Edit one's own comment."""
    access.ensure_can_see(comment.issue.project)
    if comment.author_id != access.user_id:
        raise PermissionDenied("You can only edit your own comments.", code="not_author")
    if body == comment.body:
        return comment
    with transaction.atomic():
        lock_existing(comment, message="Comment not found.", code="comment_not_found")
        comment.body = body
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "edited_at", "updated_at"])
        emit(_comment_event(events.COMMENT_UPDATED, access=access, comment=comment))
    return comment


def comment_delete(*, access: Access, comment: Comment) -> None:
    """Delete one's own comment; admins and owners may delete any. The log records that it
    was deleted; what it said goes with it (no event ever held the text)."""
    access.ensure_can_see(comment.issue.project)
    if comment.author_id != access.user_id and not access.at_least(Role.ADMIN):
        raise PermissionDenied(
            "Only the author or a workspace admin may delete this comment.", code="not_author"
        )
    with transaction.atomic():
        emit(
            issue_event(
                events.COMMENT_DELETED,
                access=access,
                issue=comment.issue,
                changes={"comment_id": {"old": str(comment.id), "new": None}},
            )
        )
        comment.delete()
