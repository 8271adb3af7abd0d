"""Purging deleted projects and workspaces.

A deletion answers at once (it only sets deleted_at); these remove the rows afterwards, in
batches of settings.PURGE_BATCH_SIZE rows, each batch its own short transaction with children
deleted before their parents, so no lock is held for long and nothing of another tenant is
touched. A worker that dies mid-way loses one batch at most: the next run carries on from what
is left. They record no event: the deletion's own event told every consumer already.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import structlog
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils import timezone

from docket.issues.models import Issue
from docket.projects.models import Project
from docket.workspaces.models import Workspace

logger = structlog.get_logger(__name__)


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
