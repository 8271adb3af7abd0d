"""Changing issues: fields, state, parent and links, of one issue or many at once."""

from __future__ import annotations

import datetime
import uuid
from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from docket.accounts.models import User
from docket.core.access import Access
from docket.core.errors import ApplicationError, NotFound, ValidationFailed
from docket.core.events import diff, emit
from docket.core.types import UNSET, Maybe
from docket.issues import events
from docket.issues.columns import completed_at_in, top_of_column
from docket.issues.history import issue_event, issue_snapshot
from docket.issues.locks import lock_issues, lock_states
from docket.issues.models import Issue, IssueAssignee, IssueLabel, Priority
from docket.issues.preconditions import archived_refusal, ensure_version
from docket.issues.services.external_refs import (
    clean_external_ref,
    ensure_external_ref_free,
    external_ref_taken,
    is_external_ref_race,
)
from docket.issues.services.references import (
    Errors,
    ancestor_ids,
    assignable,
    parent_cycle,
    resolve_assignees,
    resolve_labels,
    resolve_parent,
    resolve_state,
)
from docket.projects.models import Label, Project, State
from docket.projects.permissions import ensure_can_contribute


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
    refused = archived_refusal(project)
    if refused is not None:
        return _Plan(), refused
    errors = Errors()
    plan = _Plan()
    if changes.get("state_id", UNSET) is not UNSET:
        plan.state = resolve_state(project, changes["state_id"], errors)
    if changes.get("label_ids", UNSET) is not UNSET:
        plan.labels = resolve_labels(project, changes["label_ids"], errors)
    if changes.get("assignee_ids", UNSET) is not UNSET:
        plan.assignees = resolve_assignees(project, changes["assignee_ids"], errors)
    if changes.get("add_label_ids", UNSET) is not UNSET:
        plan.add_labels = resolve_labels(
            project, changes["add_label_ids"], errors, field="add_label_ids"
        )
    if changes.get("add_assignee_ids", UNSET) is not UNSET:
        plan.add_assignees = resolve_assignees(
            project, changes["add_assignee_ids"], errors, field="add_assignee_ids"
        )
    # Removing a link that is not there is a no-op, so removals need no lookup: a label of
    # another project or a former member is simply not linked to this project's issues.
    if changes.get("remove_label_ids", UNSET) is not UNSET:
        plan.remove_label_ids = set(changes["remove_label_ids"])
    if changes.get("remove_assignee_ids", UNSET) is not UNSET:
        plan.remove_assignee_ids = set(changes["remove_assignee_ids"])
    if changes.get("parent_id", UNSET) is not UNSET:
        plan.parent = resolve_parent(project, changes["parent_id"], errors)
        if plan.parent is not None:
            plan.ancestors = ancestor_ids(plan.parent)
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
            outcome[issue.pk] = parent_cycle()
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
        arrivals: dict[State, list[Issue]] = defaultdict(list)

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
                arrivals[plan.state].append(issue)
                issue.state = plan.state
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
        # Issues moving in come from other columns; the batch's issues already in a column keep
        # their places. The newcomers go to its top, in the batch's order, as a move does.
        for state, arriving in arrivals.items():
            for issue, position in zip(arriving, top_of_column(state, len(arriving)), strict=True):
                issue.position = position
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
    the issue at the top of that column (as a move without neighbours does) and sets or clears
    completed_at. Records `issue.updated` with old and new values of the fields that changed;
    nothing if none did. With `expected_versions`, raises PreconditionFailed (writing nothing)
    if the issue's version is none of them once its row is locked. Conflict
    (`external_ref_taken`) if another issue of the project has `external_ref`."""
    ensure_can_contribute(access, action="edit issues")
    access.ensure_can_see(issue.project)
    if external_ref is not UNSET:
        external_ref = clean_external_ref(external_ref)
        ensure_external_ref_free(issue.project, external_ref, issue=issue)
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
        if isinstance(external_ref, str) and is_external_ref_race(error):
            raise external_ref_taken(external_ref) from error
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
    if not assigned and not assignable(issue.project, [user_id]):
        raise NotFound("User not found.", code="user_not_found")
    return _change_links(
        access=access,
        issue=issue,
        changes={"remove_assignee_ids": [user_id]},
        expected_versions=expected_versions,
    )
