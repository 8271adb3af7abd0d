"""Asking for the purge of a deleted project or workspace, by a reference to the task.

A deletion answers at once (it sets `deleted_at`) and a task removes the rows afterwards. The
workspaces app deletes workspaces, but the task that purges one deletes projects and issues too,
apps above it: the issues app defines it and hands it over here when it is ready
(IssuesConfig.ready), and the deleting service asks through here. No one names a task by its
string, and no app imports one above it.

Asking never fails the deletion, which is committed already: a lost ask is not lost work, beat's
sweep asks again for any purge still due.
"""

from __future__ import annotations

import uuid
from typing import Any, Protocol

import structlog
from django.core.exceptions import ImproperlyConfigured

logger = structlog.get_logger(__name__)


class PurgeTask(Protocol):
    """A Celery task that takes the id (a string) of what it purges."""

    name: str

    def delay(self, *args: Any, **kwargs: Any) -> Any: ...


class _Registered:
    workspace_purge: PurgeTask | None = None


def workspace_purge_register(task: PurgeTask) -> None:
    """Name the task that purges a deleted workspace (the issues app does, once)."""
    _Registered.workspace_purge = task


def workspace_purge_request(workspace_id: uuid.UUID) -> None:
    """Ask for the purge of a deleted workspace. Call after the deletion commits."""
    task = _Registered.workspace_purge
    if task is None:
        raise ImproperlyConfigured("No app registered the workspace purge (docket.issues does).")
    purge_request(task, workspace_id)


def purge_request(task: PurgeTask, target_id: uuid.UUID) -> None:
    """Enqueue `task` for `target_id`; if the broker is away, log it and let the sweep ask."""
    try:
        task.delay(str(target_id))
    except Exception:
        logger.warning("purge_not_enqueued", task=task.name, target=str(target_id), exc_info=True)
