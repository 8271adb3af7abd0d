"""The event vocabulary and the one way anything is written to the event log.

Every kind of change is declared once, as an `EventType` in its app's `events.py`: a name, the
kind of subject, and the shape of its `changes` (each changed field as {"old": ..., "new": ...}).
Services build events with `new_event` (which refuses an undeclared field or subject) and write
them with `emit`, inside the transaction that makes the change (a transactional outbox). The
schema documents every registered type; the change feed, realtime, notifications and webhooks
read the same log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

from django.conf import settings
from django.db import connection, transaction

from docket.core.access import Access
from docket.core.models import Event

# JSON-schema fragments for the values a field takes in `old` and `new` (null when absent).
STRING: Mapping[str, Any] = {"type": "string"}
INTEGER: Mapping[str, Any] = {"type": "integer"}
DATE: Mapping[str, Any] = {"type": "string", "format": "date"}
DATETIME: Mapping[str, Any] = {"type": "string", "format": "date-time"}
ID: Mapping[str, Any] = {"type": "string", "format": "uuid"}
ID_LIST: Mapping[str, Any] = {"type": "array", "items": ID}


def ref(**properties: Mapping[str, Any]) -> Mapping[str, Any]:
    """An object snapshot, e.g. a state as {"id", "name", "category"} at the time of the event."""
    return {
        "type": "object",
        "properties": dict(properties),
        "required": sorted(properties),
        "additionalProperties": False,
    }


def list_of(item: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"type": "array", "items": item}


@dataclass(frozen=True)
class EventType:
    name: str  # "<subject>.<verb>", e.g. "issue.updated"
    subject_type: str
    description: str
    # The fields `changes` may hold, each with the schema of its old and new values.
    fields: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)


_REGISTRY: dict[str, EventType] = {}


def event_type(
    name: str,
    *,
    subject: str,
    description: str,
    fields: Mapping[str, Mapping[str, Any]] | None = None,
) -> EventType:
    """Declare an event type; each name once, in the app whose services emit it."""
    if name in _REGISTRY:
        raise ValueError(f"event type {name!r} is declared twice")
    declared = EventType(name, subject, description, dict(fields or {}))
    _REGISTRY[name] = declared
    return declared


def registered_event_types() -> list[EventType]:
    """Every declared type, by name (the apps' events modules are imported at startup)."""
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


class UndeclaredChange(ValueError):
    """A service tried to record something its event type does not declare: a programming
    error, caught by the tests that walk every service."""


def new_event(
    kind: EventType,
    *,
    subject_id: UUID,
    subject_label: str = "",
    project_id: UUID | None = None,
    changes: Mapping[str, Mapping[str, Any]] | None = None,
    access: Access | None = None,
    actor: Any = None,
    workspace_id: UUID | None = None,
) -> Event:
    """An unsaved event of a declared type. The actor and tenant come from `access`; only the
    few services that act before any access exists (creating a workspace, accepting an
    invitation) pass `actor` and `workspace_id` instead."""
    if access is not None:
        actor, workspace_id = access.user, access.workspace_id
    if workspace_id is None:
        raise ValueError("an event needs an access or a workspace_id")
    changes = dict(changes or {})
    undeclared = set(changes) - set(kind.fields)
    if undeclared:
        raise UndeclaredChange(f"{kind.name} does not declare {sorted(undeclared)}")
    for key, value in changes.items():
        if not isinstance(value, Mapping) or set(value) != {"old", "new"}:
            raise UndeclaredChange(f"{kind.name}.{key} must be {{'old': ..., 'new': ...}}")
    return Event(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        workspace_id=workspace_id,
        project_id=project_id,
        name=kind.name,
        subject_type=kind.subject_type,
        subject_id=subject_id,
        subject_label=subject_label[:200],
        changes=changes,
    )


def emit(*events: Event) -> list[Event]:
    """Append events to the log in one INSERT (a cascade's many events included). Must run
    inside the transaction that makes the changes."""
    if not connection.in_atomic_block:
        # An event written outside the change's transaction could survive a rolled-back change
        # or be lost after a committed one; both break every consumer of the log.
        raise RuntimeError("events must be recorded inside transaction.atomic()")
    if not events:
        return []
    recorded = Event.objects.bulk_create(events)
    if settings.RELAY_ON_COMMIT:
        # Imported here: the relay reads settings and tasks at call time, not at import.
        from docket.core.relay import schedule_relay

        already = any(entry[1] is schedule_relay for entry in connection.run_on_commit)
        if not already:
            transaction.on_commit(schedule_relay)
    return recorded


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Changed fields as {"field": {"old": ..., "new": ...}}; unchanged ones are left out."""
    return {
        key: {"old": old.get(key), "new": value}
        for key, value in new.items()
        if old.get(key) != value
    }


def created(snapshot: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The changes of a creation: every field from nothing to its value."""
    return {key: {"old": None, "new": value} for key, value in snapshot.items()}


def deleted(snapshot: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The changes of a deletion: what identified the subject, to nothing."""
    return {key: {"old": value, "new": None} for key, value in snapshot.items()}
