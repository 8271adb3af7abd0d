"""Writes for issues and comments. Each service is one transaction that records its events."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, transaction
from django.utils import timezone

from docket.accounts.models import User
from docket.core.errors import (
    ApplicationError,
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    ValidationFailed,
)
from docket.core.events import build_event, diff, record_events
from docket.core.models import Event
from docket.core.types import UNSET, Maybe
from docket.issues.models import Comment, Issue, IssueAssignee, IssueLabel, Priority
from docket.issues.positions import key_between
from docket.projects.models import Label, Project, ProjectMember, State, StateCategory
from docket.projects.permissions import ensure_can_contribute
from docket.workspaces.models import Membership, Role

MAX_BULK_ISSUES = 100
MAX_PARENT_DEPTH = 1000


# --- Snapshots for the event log ---------------------------------------------------------------


def _user_ref(user: User) -> dict[str, str]:
    return {"id": str(user.id), "display_name": user.display_name}


def _snapshot(issue: Issue, *, assignees: Iterable[User], labels: Iterable[Label]) -> dict:
    """What an issue looks like to a reader of its history: names as they were at the time."""
    return {
        "title": issue.title,
        "description": issue.description,
        "state": {
            "id": str(issue.state.id),
            "name": issue.state.name,
            "category": issue.state.category,
        },
        "priority": Priority(issue.priority).label,
        "estimate": issue.estimate,
        "due_date": issue.due_date.isoformat() if issue.due_date else None,
        "parent": ({"id": str(issue.parent.id), "key": issue.parent.key} if issue.parent else None),
        "assignees": sorted((_user_ref(u) for u in assignees), key=lambda ref: ref["id"]),
        "labels": sorted(
            ({"id": str(label.id), "name": label.name} for label in labels),
            key=lambda ref: ref["id"],
        ),
    }


def _issue_event(actor: User, issue: Issue, name: str, changes: dict | None = None) -> Event:
    return build_event(
        actor=actor,
        workspace_id=issue.workspace_id,
        project_id=issue.project_id,
        name=name,
        subject_type="issue",
        subject_id=issue.id,
        subject_label=issue.key,
        changes=changes,
    )


def _record(actor: User, issue: Issue, name: str, changes: dict | None = None) -> None:
    record_events([_issue_event(actor, issue, name, changes)])


# --- Reference resolution: every id must belong to the issue's project or workspace ------------


class _Errors:
    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, field: str, code: str, message: str) -> None:
        self.items.append(FieldError(field, code, message))

    def raise_if_any(self) -> None:
        if self.items:
            message = self.items[0].message if len(self.items) == 1 else "The input is not valid."
            raise ValidationFailed(message, errors=self.items)


def _resolve_state(project: Project, state_id: Any, errors: _Errors) -> State | None:
    state = State.objects.filter(project=project, id=state_id).first()
    if state is None:
        errors.add("state_id", "invalid_state", "No such state in this project.")
    return state


def _default_state(project: Project) -> State:
    states = list(State.objects.filter(project=project).order_by("position", "id"))
    for category in (StateCategory.UNSTARTED, StateCategory.BACKLOG):
        for state in states:
            if state.category == category:
                return state
    return states[0]


def _resolve_labels(project: Project, label_ids: Sequence[Any], errors: _Errors) -> list[Label]:
    wanted = list(dict.fromkeys(label_ids))
    labels = list(Label.objects.filter(project=project, id__in=wanted))
    if len(labels) != len(wanted):
        errors.add("label_ids", "invalid_label", "Labels must belong to the issue's project.")
    return labels


def _resolve_assignees(project: Project, user_ids: Sequence[Any], errors: _Errors) -> list[User]:
    wanted = list(dict.fromkeys(user_ids))
    memberships = list(
        Membership.objects.filter(
            workspace_id=project.workspace_id, user_id__in=wanted
        ).select_related("user")
    )
    guests_in_project = set(
        ProjectMember.objects.filter(
            project=project, membership__in=[m for m in memberships if m.role == Role.GUEST]
        ).values_list("membership_id", flat=True)
    )
    allowed = [m.user for m in memberships if m.role != Role.GUEST or m.id in guests_in_project]
    if len(allowed) != len(wanted):
        errors.add(
            "assignee_ids",
            "invalid_assignee",
            "Assignees must be workspace members who can see this project.",
        )
    return allowed


def _creates_cycle(issue: Issue, parent: Issue) -> bool:
    """Would making `parent` the parent of `issue` close a loop (parent descends from issue)?"""
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
            SELECT 1 FROM ancestors WHERE id = %s LIMIT 1
            """,  # noqa: S608 - the table name is ours, values are parameters
            [parent.id, MAX_PARENT_DEPTH, issue.id],
        )
        return cursor.fetchone() is not None


def _resolve_parent(
    project: Project, parent_id: Any, errors: _Errors, *, issue: Issue | None = None
) -> Issue | None:
    if parent_id is None:
        return None
    parent = Issue.objects.select_related("project").filter(project=project, id=parent_id).first()
    if parent is None:
        errors.add("parent_id", "invalid_parent", "The parent must be an issue of this project.")
        return None
    if issue is not None and (parent.id == issue.id or _creates_cycle(issue, parent)):
        errors.add("parent_id", "parent_cycle", "An issue cannot be its own ancestor.")
        return None
    return parent


# --- Positions and completion --------------------------------------------------------------------


def _lock_state(state: State) -> None:
    # Every write that places an issue in a column locks the column's state row, so two moves
    # can never compute the same key between the same neighbours.
    State.objects.select_for_update().filter(pk=state.pk).first()


def _end_of_column(state: State, *, exclude: Issue | None = None) -> str:
    issues = Issue.objects.filter(state=state)
    if exclude is not None:
        issues = issues.exclude(pk=exclude.pk)
    last = issues.order_by("-position").values_list("position", flat=True).first()
    return key_between(last, None)


def _completed_at(state: State, current: datetime.datetime | None) -> datetime.datetime | None:
    if state.category == StateCategory.COMPLETED:
        return current or timezone.now()
    return None


def _ensure_open(project: Project) -> None:
    if project.archived_at is not None:
        raise Conflict(
            "The project is archived; unarchive it to change its issues.", code="project_archived"
        )


# --- Issues ----------------------------------------------------------------------------------


def _allocate_number(project: Project) -> int:
    """The next issue number, under the project row's lock until the transaction ends: no two
    transactions get the same number, and a rolled-back one gives its number back (no gaps)."""
    table = Project._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_issue_number = last_issue_number + 1 "  # noqa: S608
            "WHERE id = %s RETURNING last_issue_number",
            [project.id],
        )
        return cursor.fetchone()[0]


def issue_create(
    *,
    membership: Membership,
    actor: User,
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
) -> Issue:
    """Create an issue at the end of its state's column. Members and above; records
    `issue.created` with every field set."""
    ensure_can_contribute(membership, action="create issues")
    _ensure_open(project)
    errors = _Errors()
    state = _resolve_state(project, state_id, errors) if state_id else _default_state(project)
    labels = _resolve_labels(project, label_ids, errors)
    assignees = _resolve_assignees(project, assignee_ids, errors)
    parent = _resolve_parent(project, parent_id, errors)
    errors.raise_if_any()
    assert state is not None  # noqa: S101 - errors.raise_if_any() ran

    with transaction.atomic():
        number = _allocate_number(project)
        _lock_state(state)
        issue = Issue.objects.create(
            workspace_id=project.workspace_id,
            project=project,
            number=number,
            title=title.strip(),
            description=description,
            state=state,
            priority=Priority.from_name(priority),
            estimate=estimate,
            due_date=due_date,
            parent=parent,
            reporter=actor,
            completed_at=_completed_at(state, None),
            position=_end_of_column(state),
        )
        IssueAssignee.objects.bulk_create(IssueAssignee(issue=issue, user=u) for u in assignees)
        IssueLabel.objects.bulk_create(IssueLabel(issue=issue, label=lb) for lb in labels)
        _record(
            actor,
            issue,
            "issue.created",
            diff({}, _snapshot(issue, assignees=assignees, labels=labels)),
        )
    return issue


def issue_update(
    *,
    membership: Membership,
    actor: User,
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
) -> Issue:
    """Change some fields of an issue. Members and above. A new state puts the issue at the end
    of that column and sets or clears completed_at. Records `issue.updated` with old and new
    values of the fields that changed; records nothing if nothing changed."""
    ensure_can_contribute(membership, action="edit issues")
    project = issue.project
    _ensure_open(project)
    errors = _Errors()
    new_state = _resolve_state(project, state_id, errors) if state_id is not UNSET else None
    new_labels = _resolve_labels(project, label_ids, errors) if label_ids is not UNSET else None
    new_assignees = (
        _resolve_assignees(project, assignee_ids, errors) if assignee_ids is not UNSET else None
    )
    new_parent = (
        _resolve_parent(project, parent_id, errors, issue=issue) if parent_id is not UNSET else None
    )
    errors.raise_if_any()

    with transaction.atomic():
        # Lock, then re-read what a concurrent writer may have changed since we loaded it.
        list(Issue.objects.select_for_update().filter(pk=issue.pk).values_list("pk"))
        issue.refresh_from_db(fields=["state", "position", "completed_at", "parent"])
        old_assignees = list(issue.assignees.all())
        old_labels = list(issue.labels.all())
        before = _snapshot(issue, assignees=old_assignees, labels=old_labels)

        if title is not UNSET:
            issue.title = title.strip()
        if description is not UNSET:
            issue.description = description
        if priority is not UNSET:
            issue.priority = Priority.from_name(priority)
        if estimate is not UNSET:
            issue.estimate = estimate
        if due_date is not UNSET:
            issue.due_date = due_date
        if parent_id is not UNSET:
            issue.parent = new_parent
        if new_state is not None and new_state.id != issue.state_id:
            _lock_state(new_state)
            issue.state = new_state
            issue.position = _end_of_column(new_state, exclude=issue)
            issue.completed_at = _completed_at(new_state, issue.completed_at)

        assignees = old_assignees if new_assignees is None else new_assignees
        labels = old_labels if new_labels is None else new_labels
        changes = diff(before, _snapshot(issue, assignees=assignees, labels=labels))
        if not changes:
            return issue
        issue.save()
        if "assignees" in changes:
            _replace_links(IssueAssignee, issue, "user", assignees)
        if "labels" in changes:
            _replace_links(IssueLabel, issue, "label", labels)
        _record(actor, issue, "issue.updated", changes)
    # Prefetched relations are stale now; readers reload through the selector.
    return issue


def _replace_links(model: type, issue: Issue, field: str, targets: Sequence[Any]) -> None:
    wanted = {target.pk for target in targets}
    existing = set(model.objects.filter(issue=issue).values_list(f"{field}_id", flat=True))
    model.objects.filter(issue=issue, **{f"{field}_id__in": existing - wanted}).delete()
    model.objects.bulk_create(model(issue=issue, **{f"{field}_id": pk}) for pk in wanted - existing)


def issue_move(
    *,
    membership: Membership,
    actor: User,
    issue: Issue,
    state_id: uuid.UUID,
    after_id: uuid.UUID | None = None,
    before_id: uuid.UUID | None = None,
) -> Issue:
    """Put an issue into a state's column right after `after_id` and/or right before
    `before_id` (both issues of that column); with neither, at the end. Writes one row."""
    ensure_can_contribute(membership, action="move issues")
    project = issue.project
    _ensure_open(project)
    errors = _Errors()
    state = _resolve_state(project, state_id, errors)
    errors.raise_if_any()
    assert state is not None  # noqa: S101

    with transaction.atomic():
        _lock_state(state)
        column = Issue.objects.filter(state=state).exclude(pk=issue.pk)
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

        old_state = issue.state
        old_position = issue.position
        issue.state = state
        issue.position = key_between(lower, upper)
        issue.completed_at = _completed_at(state, issue.completed_at)
        issue.save(update_fields=["state", "position", "completed_at", "updated_at"])
        changes: dict[str, Any] = {"position": {"old": old_position, "new": issue.position}}
        if old_state.id != state.id:
            changes["state"] = {
                "old": {
                    "id": str(old_state.id),
                    "name": old_state.name,
                    "category": old_state.category,
                },
                "new": {"id": str(state.id), "name": state.name, "category": state.category},
            }
        _record(actor, issue, "issue.moved", changes)
    return issue


def issue_delete(*, membership: Membership, actor: User, issue: Issue) -> None:
    """Delete an issue with its comments. Members and above. Its events remain."""
    ensure_can_contribute(membership, action="delete issues")
    with transaction.atomic():
        snapshot = _snapshot(issue, assignees=issue.assignees.all(), labels=issue.labels.all())
        _record(actor, issue, "issue.deleted", diff(snapshot, dict.fromkeys(snapshot)))
        issue.delete()


@dataclass(frozen=True)
class BulkResult:
    key: str
    issue: Issue | None
    error: ApplicationError | None


def issue_bulk_update(
    *,
    membership: Membership,
    actor: User,
    issues_by_key: dict[str, Issue | None],
    changes: dict[str, Any],
) -> list[BulkResult]:
    """Apply the same changes to many issues, each in its own transaction: one refused issue
    does not undo the others. Returns one result per requested key, in request order."""
    ensure_can_contribute(membership, action="edit issues")
    results = []
    for key, issue in issues_by_key.items():
        if issue is None:
            results.append(
                BulkResult(key, None, NotFound("Issue not found.", code="issue_not_found"))
            )
            continue
        try:
            updated = issue_update(membership=membership, actor=actor, issue=issue, **changes)
        except ApplicationError as error:
            results.append(BulkResult(key, None, error))
        else:
            results.append(BulkResult(key, updated, None))
    return results


def issues_move_out_of_state(*, actor: User, state: State, target: State | None) -> int:
    """Move every issue of `state` to the end of `target`'s column, keeping their order.
    Called by state_delete inside its transaction. Returns how many moved."""
    issues = list(
        Issue.objects.select_for_update()
        .filter(state=state)
        .select_related("project")
        .order_by("position", "id")
    )
    if not issues:
        return 0
    if target is None:
        raise ValidationFailed.for_field(
            "move_to", "required", "This state still holds issues: name a state to move them to."
        )
    _lock_state(target)
    position = _end_of_column(target)
    now = timezone.now()
    for issue in issues:
        issue.state = target
        issue.position = position
        issue.completed_at = _completed_at(target, issue.completed_at)
        issue.updated_at = now  # bulk_update skips auto_now
        position = key_between(position, None)
    Issue.objects.bulk_update(issues, ["state", "position", "completed_at", "updated_at"])
    moved = {
        "state": {
            "old": {"id": str(state.id), "name": state.name, "category": state.category},
            "new": {"id": str(target.id), "name": target.name, "category": target.category},
        }
    }
    record_events([_issue_event(actor, issue, "issue.moved", moved) for issue in issues])
    return len(issues)


def issues_sync_completion(*, state: State) -> None:
    """After a state's category changed: completed_at follows it for every issue in it."""
    issues = Issue.objects.filter(state=state)
    now = timezone.now()
    if state.category == StateCategory.COMPLETED:
        issues.filter(completed_at__isnull=True).update(completed_at=now, updated_at=now)
    else:
        issues.exclude(completed_at__isnull=True).update(completed_at=None, updated_at=now)


# --- Comments --------------------------------------------------------------------------------


def _record_comment(actor: User, comment: Comment, name: str, changes: dict) -> None:
    # Comment events belong to the issue's history, so their subject is the issue.
    _record(
        actor,
        comment.issue,
        name,
        {"comment_id": {"old": None, "new": str(comment.id)}, **changes},
    )


def comment_create(*, membership: Membership, actor: User, issue: Issue, body: str) -> Comment:
    """Comment on an issue. Anyone who can see the issue, guests included."""
    with transaction.atomic():
        comment = Comment.objects.create(
            workspace_id=issue.workspace_id, issue=issue, author=actor, body=body
        )
        _record_comment(actor, comment, "comment.created", {"body": {"old": None, "new": body}})
    return comment


def comment_update(*, membership: Membership, actor: User, comment: Comment, body: str) -> Comment:
    """Edit one's own comment."""
    if comment.author_id != actor.id:
        raise PermissionDenied("You can only edit your own comments.", code="not_author")
    if body == comment.body:
        return comment
    with transaction.atomic():
        old = comment.body
        comment.body = body
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "edited_at", "updated_at"])
        _record_comment(actor, comment, "comment.updated", {"body": {"old": old, "new": body}})
    return comment


def comment_delete(*, membership: Membership, actor: User, comment: Comment) -> None:
    """Delete one's own comment; admins and owners may delete any."""
    if comment.author_id != actor.id and not membership.at_least(Role.ADMIN):
        raise PermissionDenied(
            "Only the author or a workspace admin may delete this comment.", code="not_author"
        )
    with transaction.atomic():
        _record_comment(
            actor, comment, "comment.deleted", {"body": {"old": comment.body, "new": None}}
        )
        comment.delete()
