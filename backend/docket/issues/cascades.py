"""Project-level writes whose effects reach issues: recategorizing or deleting a state, deleting
a label, deleting a project.

They live with issues because issues depend on projects, never the other way round. Each
cascade records one event per affected issue, in the same INSERT as the change's own event, so
the change feed and every consumer see what happened to each issue.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import structlog
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from docket.core.access import Access
from docket.core.errors import Conflict, NotFound, ValidationFailed
from docket.core.events import diff, emit
from docket.core.purges import purge_request
from docket.core.roles import Role
from docket.core.rows import lock_existing
from docket.core.types import UNSET, Maybe
from docket.issues import events as issue_events
from docket.issues.columns import completed_at_in, end_of_column
from docket.issues.history import issue_event, state_ref
from docket.issues.models import Issue, IssueLabel
from docket.issues.positions import key_between
from docket.issues.relations import relations_cleared_events
from docket.issues.tasks import purge_project
from docket.projects import events as project_events
from docket.projects.models import Label, Project, State, StateCategory
from docket.projects.permissions import ensure_can_contribute, ensure_can_manage_project
from docket.projects.services import (
    label_event,
    project_event,
    state_event,
    state_name_taken,
    state_snapshot,
)

logger = structlog.get_logger(__name__)


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def state_update(
    *,
    access: Access,
    state: State,
    name: Maybe[str] = UNSET,
    category: Maybe[str] = UNSET,
    color: Maybe[str] = UNSET,
) -> State:
    """Rename, recolor or recategorize a state. Admins and the lead. Issues in it follow a new
    category (completed_at set or cleared), each recording `issue.updated`."""
    project = state.project
    ensure_can_manage_project(access, project)
    before = state_snapshot(state)
    if name is not UNSET:
        state.name = name.strip()
    if category is not UNSET:
        state.category = category
    if color is not UNSET:
        state.color = color
    changes = diff(before, state_snapshot(state))
    if not changes:
        return state
    try:
        with transaction.atomic():
            lock_existing(state, message="State not found.", code="state_not_found")
            state.save(update_fields=["name", "category", "color", "updated_at"])
            cascade = _sync_completion(access, state) if "category" in changes else []
            emit(
                state_event(
                    project_events.STATE_UPDATED, access=access, state=state, changes=changes
                ),
                *cascade,
            )
    except IntegrityError as exc:
        raise state_name_taken() from exc
    return state


def _sync_completion(access: Access, state: State) -> list:
    """completed_at follows the state's new category for every issue in it."""
    completed = state.category == StateCategory.COMPLETED
    affected = Issue.objects.filter(state=state, completed_at__isnull=completed)
    issues = list(
        affected.select_for_update(no_key=True, of=("self",))
        .select_related("project")
        .order_by("pk")
    )
    if not issues:
        return []
    now = timezone.now()
    new_value = now if completed else None
    Issue.objects.filter(pk__in=[issue.pk for issue in issues]).update(
        completed_at=new_value, updated_at=now, version=F("version") + 1
    )
    return [
        issue_event(
            issue_events.ISSUE_UPDATED,
            access=access,
            issue=issue,
            changes={"completed_at": {"old": _iso(issue.completed_at), "new": _iso(new_value)}},
        )
        for issue in issues
    ]


def state_delete(*, access: Access, state: State, move_to: State | None) -> None:
    """Delete a state. Admins and the lead. Its issues move to the end of `move_to`'s column,
    in order, each recording `issue.moved`; `move_to` must be named if there are any."""
    project = state.project
    ensure_can_manage_project(access, project)
    if move_to is not None and (move_to.project_id != project.id or move_to.id == state.id):
        raise ValidationFailed.for_field(
            "move_to", "invalid_state", "Move issues to another state of the same project."
        )
    with transaction.atomic():
        # Every state of the project, by id: the lock order of every write path (states, then
        # issues), and no concurrent delete can leave the project without a state.
        states = list(State.objects.select_for_update().filter(project=project).order_by("pk"))
        if not any(other.pk != state.pk for other in states):
            raise Conflict("A project needs at least one state.", code="last_state")
        issues = list(
            Issue.objects.select_for_update(no_key=True, of=("self",))
            .filter(state=state)
            .select_related("project")
            .order_by("position", "id")
        )
        if issues and move_to is None:
            raise ValidationFailed.for_field(
                "move_to",
                "required",
                "This state still holds issues: name a state to move them to.",
            )
        cascade = []
        if issues:
            assert move_to is not None  # noqa: S101 - checked above
            position = end_of_column(move_to)
            now = timezone.now()
            for issue in issues:
                old_position, old_completed = issue.position, issue.completed_at
                issue.state = move_to
                issue.position = position
                issue.completed_at = completed_at_in(move_to, issue.completed_at)
                issue.updated_at = now  # bulk_update skips auto_now
                issue.version += 1
                position = key_between(position, None)
                changes = {
                    "position": {"old": old_position, "new": issue.position},
                    "state": {"old": state_ref(state), "new": state_ref(move_to)},
                }
                if old_completed != issue.completed_at:
                    changes["completed_at"] = {
                        "old": _iso(old_completed),
                        "new": _iso(issue.completed_at),
                    }
                cascade.append(
                    issue_event(
                        issue_events.ISSUE_MOVED, access=access, issue=issue, changes=changes
                    )
                )
            Issue.objects.bulk_update(
                issues, ["state", "position", "completed_at", "updated_at", "version"]
            )
        emit(
            state_event(
                project_events.STATE_DELETED,
                access=access,
                state=state,
                changes={
                    **diff(state_snapshot(state), {}),
                    "moved_issues": {"old": None, "new": len(issues)},
                },
            ),
            *cascade,
        )
        state.delete()


def label_delete(*, access: Access, label: Label) -> None:
    """Delete a label. Members and above. Each issue that had it records `issue.updated` with
    its labels before and after."""
    ensure_can_contribute(access, action="delete labels")
    access.ensure_can_see(label.project)
    with transaction.atomic():
        issues = list(
            Issue.objects.select_for_update(no_key=True, of=("self",))
            .filter(pk__in=IssueLabel.objects.filter(label=label).values("issue_id"))
            .select_related("project")
            .order_by("pk")
        )
        labels_of: dict[Any, list[dict[str, str]]] = defaultdict(list)
        for link in IssueLabel.objects.filter(issue__in=issues).select_related("label"):
            labels_of[link.issue_id].append({"id": str(link.label.id), "name": link.label.name})
        now = timezone.now()
        cascade = []
        for issue in issues:
            old = sorted(labels_of[issue.pk], key=lambda ref: ref["id"])
            new = [ref for ref in old if ref["id"] != str(label.pk)]
            cascade.append(
                issue_event(
                    issue_events.ISSUE_UPDATED,
                    access=access,
                    issue=issue,
                    changes={"labels": {"old": old, "new": new}},
                )
            )
        if issues:
            Issue.objects.filter(pk__in=[issue.pk for issue in issues]).update(
                updated_at=now, version=F("version") + 1
            )
        emit(
            label_event(
                project_events.LABEL_DELETED,
                access=access,
                label=label,
                changes={"name": {"old": label.name, "new": None}},
            ),
            *cascade,
        )
        label.delete()


def project_delete(*, access: Access, project: Project) -> None:
    """Delete a project with all its issues. Admins and owners only (not the lead).

    A soft delete that answers at once, whatever the project's size: it sets `deleted_at`, after
    which the project and its issues are gone for everyone (selectors and the access skip it)
    and its key is free again. Records `project.deleted`, the one event consumers of the project
    need: it means every issue of the project is gone (no `issue.deleted` per issue); and
    `issue.unlinked` on each issue of another project that was related to one of them, whose
    relations change. Once this commits, `purge_project` removes the rows in batches. NotFound
    if it is already deleted.
    """
    access.ensure_role(Role.ADMIN, action="delete projects")
    access.ensure_can_see(project)
    with transaction.atomic():
        now = timezone.now()
        # Conditional, under the row lock (the lock order of every issue write): of two deletes
        # at once, one records the event; an issue created meanwhile is purged with the rest.
        marked = Project.objects.filter(pk=project.pk, deleted_at__isnull=True).update(
            deleted_at=now, updated_at=now
        )
        if not marked:
            raise NotFound("Project not found.", code="project_not_found")
        project.deleted_at = now
        emit(
            project_event(
                project_events.PROJECT_DELETED,
                access=access,
                project=project,
                changes={
                    "key": {"old": project.key, "new": None},
                    "deleted_issues": {"old": project.issues.count(), "new": None},
                },
            ),
            *relations_cleared_events(project=project, access=access),
        )
        project_id = project.pk
        transaction.on_commit(lambda: purge_request(purge_project, project_id))
