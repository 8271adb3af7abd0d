"""Creating issues, one or a batch."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, connection, transaction
from django.db.models import Max

from docket.accounts.models import User
from docket.core.access import Access
from docket.core.errors import ApplicationError, Conflict, ValidationFailed
from docket.core.events import diff, emit
from docket.issues import events
from docket.issues.columns import completed_at_in, end_of_column
from docket.issues.history import issue_event, issue_snapshot
from docket.issues.locks import lock_states
from docket.issues.models import Issue, IssueAssignee, IssueLabel, Priority
from docket.issues.positions import key_between
from docket.issues.preconditions import ensure_open
from docket.issues.services.external_refs import (
    clean_external_ref,
    ensure_external_ref_free,
    external_ref_taken,
    is_external_ref_race,
)
from docket.issues.services.references import (
    Errors,
    assignable,
    default_state,
    default_state_among,
    resolve_assignees,
    resolve_labels,
    resolve_parent,
    resolve_state,
)
from docket.projects.models import Label, Project, State
from docket.projects.permissions import ensure_can_contribute

MAX_BULK_ISSUES = 100


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
    errors = Errors()
    state = resolve_state(project, state_id, errors) if state_id else default_state(project)
    labels = resolve_labels(project, label_ids, errors)
    assignees = resolve_assignees(project, assignee_ids, errors)
    parent = resolve_parent(project, parent_id, errors)
    errors.raise_if_any()
    assert state is not None  # noqa: S101 - errors.raise_if_any() ran
    external_ref = clean_external_ref(external_ref)
    ensure_external_ref_free(project, external_ref, issue=None)
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
        if external_ref is not None and is_external_ref_race(error):
            raise external_ref_taken(external_ref) from error
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
    users_by_id = {user.pk: user for user in assignable(project, list(wanted("assignee_ids")))}
    parent_ids = {item["parent_id"] for item in items if item.get("parent_id")}
    parents_by_id = {
        parent.pk: parent
        for parent in Issue.objects.select_related("project").filter(
            project=project, id__in=parent_ids
        )
    }
    default = default_state_among(states)
    refs = [clean_external_ref(item.get("external_ref")) for item in items]
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
        errors = Errors()
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
            plans.append(external_ref_taken(ref))
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
            if is_external_ref_race(error):
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
