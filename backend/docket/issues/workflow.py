"""Project-level writes whose effects reach issues: recategorizing or deleting a state, deleting
a label, deleting a project.

They live with issues because issues depend on projects, never the other way round. Each
cascade records one event per affected issue, in the same INSERT as the change's own event, so
the change feed and every consumer see what happened to each issue.
"""

from __future__ import annotations

import time
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import structlog
from django.apps import apps
from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from docket.core.access import Access
from docket.core.errors import Conflict, NotFound, ValidationFailed
from docket.core.events import diff, emit
from docket.core.roles import Role
from docket.core.rows import lock_existing
from docket.core.types import UNSET, Maybe
from docket.issues import events as issue_events
from docket.issues.columns import completed_at_in, end_of_column
from docket.issues.history import issue_event, state_ref
from docket.issues.models import Issue, IssueLabel
from docket.issues.positions import key_between
from docket.issues.relations import relations_cleared_events
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
from docket.workspaces.models import Workspace

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
        transaction.on_commit(lambda: enqueue_purge("docket.purge_project", project_id))


def enqueue_purge(task_name: str, target_id: uuid.UUID) -> None:
    """Ask a worker to purge a deleted project or workspace. By name: the workspaces app, below
    this one, asks for it too. A lost ask is not lost work: beat's sweep asks again."""
    from celery import current_app

    try:
        current_app.send_task(task_name, args=[str(target_id)])
    except Exception:
        logger.warning("purge_not_enqueued", task=task_name, target=str(target_id), exc_info=True)


# --- Purging deleted projects and workspaces --------------------------------------------------
# A deletion answers at once (it only sets deleted_at); these remove the rows afterwards, in
# batches of settings.PURGE_BATCH_SIZE rows, each batch its own short transaction with children
# deleted before their parents, so no lock is held for long and nothing of another tenant is
# touched. A worker that dies mid-way loses one batch at most: the next run carries on from what
# is left. They record no event: the deletion's own event told every consumer already.


@dataclass
class PurgeProgress:
    batches: int = 0
    rows: int = 0
    finished: bool = False
    deadline: float = field(default_factory=lambda: time.monotonic() + PURGE_TIME_BUDGET_SECONDS)

    def out_of_time(self) -> bool:
        return time.monotonic() >= self.deadline

    def summary(self) -> dict[str, Any]:
        return {"batches": self.batches, "rows": self.rows, "finished": self.finished}


# Well under the task's soft time limit: a run that has not finished asks for another.
PURGE_TIME_BUDGET_SECONDS = 30.0


def _delete_batch(rows: QuerySet[Any]) -> int:
    """Delete the first PURGE_BATCH_SIZE of `rows` (by pk) and what depends on them, in one
    transaction. SKIP LOCKED: two purges of one target (a sweep's re-ask while the first still
    runs) take different batches instead of queueing on each other."""
    with transaction.atomic():
        ids = list(
            rows.select_for_update(skip_locked=True)
            .order_by("pk")
            .values_list("pk", flat=True)[: settings.PURGE_BATCH_SIZE]
        )
        if ids:
            rows.model.objects.filter(pk__in=ids).delete()
    return len(ids)


def _delete_all(rows: QuerySet[Any], progress: PurgeProgress) -> bool:
    """Batches of `rows` until none is left (True) or the run is out of time (False)."""
    while not progress.out_of_time():
        deleted = _delete_batch(rows)
        if not deleted:
            return True
        progress.batches += 1
        progress.rows += deleted
    return False


def _models_purged_with_projects() -> list[type[models.Model]]:
    # Rows of apps above this one that name a project by plain id, with no foreign key for a
    # cascade to follow (a notification outlives its issue): they declare it, so this app
    # finds them without importing its dependants.
    return [m for m in apps.get_models() if getattr(m, "purged_with_project", False)]


def _purge_project_rows(project: Project, progress: PurgeProgress) -> bool:
    for model in _models_purged_with_projects():
        if not _delete_all(model._default_manager.filter(project_id=project.pk), progress):
            return False
    # Issues with their comments, assignees, labels and subscriptions (the batch's cascade).
    if not _delete_all(Issue.objects.filter(project_id=project.pk), progress):
        return False
    with transaction.atomic():
        # The project row last, with its states, labels and members (a few rows), and any issue
        # a write in flight added after the batches.
        Project.objects.filter(pk=project.pk).delete()
    progress.batches += 1
    progress.rows += 1
    return True


def project_purge(*, project_id: uuid.UUID) -> PurgeProgress:
    """Remove a deleted project's rows, in batches, within one run's time budget. Idempotent:
    a project already purged is a no-op, and a live one is never touched. `finished` False
    means time ran out: run it again (the task does)."""
    progress = PurgeProgress()
    project = Project.objects.filter(pk=project_id, deleted_at__isnull=False).first()
    if project is None:
        progress.finished = not Project.objects.filter(pk=project_id).exists()
        return progress
    progress.finished = _purge_project_rows(project, progress)
    logger.info("project_purge", project=str(project_id), **progress.summary())
    return progress


def _cascading_relations(model: type[models.Model]) -> list[Any]:
    # Hidden ones too (related_name="+"): most tenant rows point at their workspace that way.
    return [
        relation
        for relation in model._meta.get_fields(include_hidden=True)
        if relation.auto_created
        and not relation.concrete
        and (relation.one_to_many or relation.one_to_one)
        and getattr(relation, "on_delete", None) is models.CASCADE
    ]


def _tenant_models() -> list[tuple[type[models.Model], str]]:
    """(model, path to its workspace_id) for every row a workspace owns through a foreign key:
    the children of its direct rows first (a webhook endpoint's deliveries, an invitation's
    email), then the direct rows; projects are purged on their own before all of them."""
    children: list[tuple[type[models.Model], str]] = []
    direct: list[tuple[type[models.Model], str]] = []
    for relation in _cascading_relations(Workspace):
        model = relation.related_model
        if model is Project:
            continue
        for child in _cascading_relations(model):
            if child.related_model is not model:
                path = f"{child.field.name}__{relation.field.name}_id"
                children.append((child.related_model, path))
        direct.append((model, f"{relation.field.name}_id"))
    return children + direct


def workspace_purge(*, workspace_id: uuid.UUID) -> PurgeProgress:
    """Remove a deleted workspace's rows: each project as `project_purge` does, then every other
    row it owns, in batches, then the workspace. Idempotent, resumable, never touches a live
    workspace; `finished` False means time ran out: run it again (the task does)."""
    progress = PurgeProgress()
    workspace = Workspace.objects.filter(pk=workspace_id, deleted_at__isnull=False).first()
    if workspace is None:
        progress.finished = not Workspace.objects.filter(pk=workspace_id).exists()
        return progress
    for project in Project.objects.filter(workspace_id=workspace_id).order_by("pk"):
        if not _purge_project_rows(project, progress):
            return progress
    for model, path in _tenant_models():
        if not _delete_all(model._default_manager.filter(**{path: workspace_id}), progress):
            return progress
    with transaction.atomic():
        Workspace.objects.filter(pk=workspace_id).delete()
    progress.batches += 1
    progress.rows += 1
    progress.finished = True
    logger.info("workspace_purge", workspace=str(workspace_id), **progress.summary())
    return progress


def purges_overdue() -> tuple[list[uuid.UUID], list[uuid.UUID]]:
    """Deleted projects and workspaces still not purged a while after their deletion (the ask
    was lost, or a worker died mid-way): beat's sweep asks for their purge again. Each scan
    reads a partial index of the deleted rows alone."""
    before = timezone.now() - timedelta(seconds=settings.PURGE_SWEEP_AFTER_SECONDS)
    projects = Project.objects.filter(deleted_at__lt=before, workspace__deleted_at__isnull=True)
    workspaces = Workspace.objects.filter(deleted_at__lt=before)
    return (
        list(projects.order_by("deleted_at").values_list("pk", flat=True)[:1000]),
        list(workspaces.order_by("deleted_at").values_list("pk", flat=True)[:1000]),
    )
