"""Purge tasks: they take the id of a deleted project or workspace and remove its rows in
batches (docket.issues.purge). Idempotent and resumable: a run that dies, or runs out of its
time budget, leaves the rest to the next run, which its end or beat's sweep asks for."""

from __future__ import annotations

import uuid
from typing import Any

from celery import shared_task

from docket.issues.purge import project_purge, purges_overdue, workspace_purge


@shared_task(name="docket.purge_project", ignore_result=True)
def purge_project(project_id: str) -> dict[str, Any]:
    progress = project_purge(project_id=uuid.UUID(project_id))
    if not progress.finished:
        purge_project.delay(project_id)
    return progress.summary()


@shared_task(name="docket.purge_workspace", ignore_result=True)
def purge_workspace(workspace_id: str) -> dict[str, Any]:
    progress = workspace_purge(workspace_id=uuid.UUID(workspace_id))
    if not progress.finished:
        purge_workspace.delay(workspace_id)
    return progress.summary()


@shared_task(name="docket.sweep_purges", ignore_result=True)
def sweep_purges() -> int:
    """Beat's safety net: ask again for the purge of anything deleted a while ago and still
    there (an ask lost with the broker, a worker killed mid-way). A purge still running meanwhile
    is harmless: the two take different batches."""
    project_ids, workspace_ids = purges_overdue()
    for project_id in project_ids:
        purge_project.delay(str(project_id))
    for workspace_id in workspace_ids:
        purge_workspace.delay(str(workspace_id))
    return len(project_ids) + len(workspace_ids)
