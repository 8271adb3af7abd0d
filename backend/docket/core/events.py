"""record_event and record_events: the only ways anything is written to the event log."""

from collections.abc import Sequence
from typing import Any
from uuid import UUID

from django.db import connection

from docket.core.models import Event


def build_event(
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
    """An unsaved event; record it with record_events."""
    return Event(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        workspace_id=workspace_id,
        project_id=project_id,
        name=name,
        subject_type=subject_type,
        subject_id=subject_id,
        subject_label=subject_label[:200],
        changes=changes or {},
    )


def record_events(events: Sequence[Event]) -> list[Event]:
    """Append events in one INSERT. Must run inside the transaction that makes the changes."""
    if not connection.in_atomic_block:
        # An event written outside the change's transaction could survive a rolled-back change
        # or be lost after a committed one; both break every consumer of the log.
        raise RuntimeError("events must be recorded inside transaction.atomic()")
    return Event.objects.bulk_create(events)


def record_event(**fields: Any) -> Event:
    """Append one event (fields as for build_event), inside the change's transaction."""
    return record_events([build_event(**fields)])[0]


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Changed fields as {"field": {"old": ..., "new": ...}}; unchanged ones are left out."""
    return {
        key: {"old": old.get(key), "new": value}
        for key, value in new.items()
        if old.get(key) != value
    }
