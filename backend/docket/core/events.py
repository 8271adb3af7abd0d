"""record_event: the only way anything is written to the event log."""

from typing import Any
from uuid import UUID

from django.db import connection

from docket.core.models import Event


def record_event(
    *,
    actor: Any,
    workspace_id: UUID,
    name: str,
    subject_type: str,
    subject_id: UUID,
    subject_label: str = "",
    project_id: UUID | None = None,
    changes: dict[str, Any] | None = None,
) -> Event:
    """Append an event. Must run inside the transaction that makes the change it describes."""
    if not connection.in_atomic_block:
        # An event written outside the change's transaction could survive a rolled-back change
        # or be lost after a committed one; both break every consumer of the log.
        raise RuntimeError("record_event must be called inside transaction.atomic()")
    return Event.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        workspace_id=workspace_id,
        project_id=project_id,
        name=name,
        subject_type=subject_type,
        subject_id=subject_id,
        subject_label=subject_label[:200],
        changes=changes or {},
    )


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Changed fields as {"field": {"old": ..., "new": ...}}; unchanged ones are left out."""
    return {
        key: {"old": old.get(key), "new": value}
        for key, value in new.items()
        if old.get(key) != value
    }
