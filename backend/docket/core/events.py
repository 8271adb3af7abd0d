"""The event vocabulary and the one way anything is written to the event log.

Every kind of change is declared once, as a class in its app's `events.py` (a subclass of
`EventKind`): its name, the kind of subject, a description, the typed shape of its `changes`
(a TypedDict of `Change[...]` values, each changed field as {"old": ..., "new": ...}), who may
see it (`audience`), whether it changes who may see what (`changes_access`) and whether it is
news for the whole workspace (`workspace_level`). Everything else is derived from that class:
the JSON schema the API publishes, the checks `new_event` makes, the change feed's filter and
realtime's (docket.core.visibility), and the consumers' subscriptions (`consumes`), which match
an event to its class and never by its name.

Services build events with `new_event` (which refuses an undeclared field or subject) and write
them with `emit`, inside the transaction that makes the change (a transactional outbox).
"""

from __future__ import annotations

import enum
import json
import types
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import (
    Annotated,
    Any,
    ClassVar,
    Generic,
    TypeAlias,
    TypedDict,
    TypeVar,
    Union,
    cast,
    get_args,
    get_origin,
    get_type_hints,
    is_typeddict,
)
from uuid import UUID

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from docket.core.access import Access
from docket.core.models import Event

# JSON-schema fragments for the values a field takes in `old` and `new` (null when absent).
STRING: Mapping[str, Any] = {"type": "string"}
INTEGER: Mapping[str, Any] = {"type": "integer"}
DATE: Mapping[str, Any] = {"type": "string", "format": "date"}
DATETIME: Mapping[str, Any] = {"type": "string", "format": "date-time"}
ID: Mapping[str, Any] = {"type": "string", "format": "uuid"}

# The value types a payload is written in; each says which JSON schema it publishes.
Uuid: TypeAlias = Annotated[str, ID]
IsoDate: TypeAlias = Annotated[str, DATE]
IsoDateTime: TypeAlias = Annotated[str, DATETIME]

T = TypeVar("T")


class Change(TypedDict, Generic[T]):
    """One changed field: its value before and after (null when it had none)."""

    old: T | None
    new: T | None


class NoChanges(TypedDict):
    """The payload of an event that records only that it happened."""


class Audience(enum.Enum):
    """Who may see an event of a type, as a rule of the workspace's roles. Guests (whose
    `Access` lists the projects they see) always see the events of their projects."""

    # Every member of the workspace, guests included: news about the workspace itself.
    WORKSPACE = "workspace"
    # Members and up; guests only through the event's project.
    MEMBERS = "members"
    # Admins and owners: events naming people who are not (yet) members, as the invitation list.
    ADMINS = "admins"


ChangesT = TypeVar("ChangesT", bound=Mapping[str, Any])


class EventKind(Generic[ChangesT]):
    """One type of event. Subclass it as `class IssueMoved(EventKind[IssueMoveChanges])` with a
    `name`, `subject_type` and `description`; the class is the type (it is never instantiated).
    Intermediate bases that set what a family shares pass `abstract=True`."""

    name: ClassVar[str]  # "<subject>.<verb>", e.g. "issue.updated"
    subject_type: ClassVar[str]
    description: ClassVar[str]
    audience: ClassVar[Audience] = Audience.MEMBERS
    # After such an event, live sockets re-check what their user may see (removals take access
    # away; additions widen what a guest sees).
    changes_access: ClassVar[bool] = False
    # News for the workspace's topic as well as the project's (if it has one).
    workspace_level: ClassVar[bool] = False
    # Derived from the payload type: the fields `changes` may hold, each with the JSON schema
    # of its old and new values.
    fields: ClassVar[Mapping[str, Mapping[str, Any]]] = {}

    def __init_subclass__(cls, *, abstract: bool = False, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if abstract:
            return
        cls.fields = _payload_fields(_payload_type(cls))
        _register(cls)

    def __new__(cls, *args: Any, **kwargs: Any) -> EventKind[ChangesT]:
        raise TypeError("an event type is a class, not something to instantiate")

    @classmethod
    def is_kind_of(cls, event: Event) -> bool:
        return kind_of(event) is cls

    @classmethod
    def changes_of(cls, event: Event) -> ChangesT:
        """The event's `changes`, typed as this type's payload."""
        if not cls.is_kind_of(event):
            raise TypeError(f"event {event.pk} is a {event.name}, not a {cls.name}")
        return cast(ChangesT, event.changes)


# What services pass to `new_event`: an event class.
EventType: TypeAlias = type[EventKind[Any]]

_REGISTRY: dict[str, EventType] = {}


def _register(kind: EventType) -> None:
    if kind.name in _REGISTRY:
        raise ValueError(f"event type {kind.name!r} is declared twice")
    _REGISTRY[kind.name] = kind


def registered_event_types() -> list[EventType]:
    """Every declared type, by name (the apps' events modules are imported at startup)."""
    return [_REGISTRY[name] for name in sorted(_REGISTRY)]


def kind_of(event: Event) -> EventType | None:
    """The class of a recorded event (None for a name no longer declared)."""
    return _REGISTRY.get(event.name)


@dataclass(frozen=True)
class Consumption:
    """The event types a consumer handles, declared in the consumer's own module with
    `consumes(...)` (or `consumes_every_type()`); an event is matched to its class through the
    registry, never by its name."""

    # None: every registered type (read when matching, so declaring it never depends on the
    # order the apps' events modules are imported in).
    kinds: frozenset[EventType] | None

    def handles(self, kind: EventType | None) -> bool:
        return kind is not None and (self.kinds is None or kind in self.kinds)

    def __contains__(self, event: object) -> bool:
        return isinstance(event, Event) and self.handles(kind_of(event))

    def select(self, events: Iterable[Event]) -> list[Event]:
        return [event for event, _ in self.with_kinds(events)]

    def with_kinds(self, events: Iterable[Event]) -> list[tuple[Event, EventType]]:
        """The events this consumer handles, in order, each with its class."""
        selected = []
        for event in events:
            kind = kind_of(event)
            if kind is not None and self.handles(kind):
                selected.append((event, kind))
        return selected


def consumes(*kinds: EventType) -> Consumption:
    return Consumption(frozenset(kinds))


def consumes_every_type() -> Consumption:
    return Consumption(None)


# --- The payload's JSON schema, derived from its type --------------------------------------


def _payload_type(kind: type) -> type:
    for base in getattr(kind, "__orig_bases__", ()):
        origin = get_origin(base)
        if isinstance(origin, type) and issubclass(origin, EventKind):
            (payload,) = get_args(base)
            if not is_typeddict(payload):
                raise TypeError(f"{kind.__name__}: the payload must be a TypedDict")
            return cast(type, payload)
    raise TypeError(f"{kind.__name__} names no payload: subclass EventKind[<TypedDict>]")


def _payload_fields(payload: type) -> dict[str, Mapping[str, Any]]:
    fields: dict[str, Mapping[str, Any]] = {}
    for field, hint in get_type_hints(payload, include_extras=True).items():
        if get_origin(hint) is not Change:
            raise TypeError(f"{payload.__name__}.{field} must be a Change[...]")
        (value,) = get_args(hint)
        fields[field] = value_schema(value)
    return fields


def value_schema(hint: Any) -> Mapping[str, Any]:
    """The JSON schema of a value type: str, int, the annotated aliases above, lists of them,
    or a TypedDict snapshot (an object with every key required and no other)."""
    if get_origin(hint) is Annotated:
        return get_args(hint)[1]
    if hint is str:
        return STRING
    if hint is int:
        return INTEGER
    if get_origin(hint) is list:
        (item,) = get_args(hint)
        return {"type": "array", "items": value_schema(item)}
    if is_typeddict(hint):
        properties = {
            key: value_schema(value)
            for key, value in get_type_hints(hint, include_extras=True).items()
        }
        return {
            "type": "object",
            "properties": properties,
            "required": sorted(properties),
            "additionalProperties": False,
        }
    if get_origin(hint) in (Union, types.UnionType):
        raise TypeError("a payload value is nullable through Change only")
    raise TypeError(f"no JSON schema for {hint!r}")


def changes_schema(kind: EventType) -> dict[str, Any]:
    """The published (OpenAPI 3.0) schema of a type's `changes`."""
    return {
        "type": "object",
        "description": f"`{kind.name}` (subject: {kind.subject_type}). {kind.description}",
        "properties": {
            field: {
                "type": "object",
                "properties": {"old": _nullable(value), "new": _nullable(value)},
                "required": ["old", "new"],
            }
            for field, value in kind.fields.items()
        },
    }


def _nullable(schema: Mapping[str, Any]) -> dict[str, Any]:
    return {**schema, "nullable": True}


def as_json_schema(schema: Any) -> Any:
    """OpenAPI 3.0's `nullable` spelled as JSON Schema, for a validator."""
    if isinstance(schema, list):
        return [as_json_schema(item) for item in schema]
    if not isinstance(schema, Mapping):
        return schema
    converted = {key: as_json_schema(value) for key, value in schema.items() if key != "nullable"}
    if schema.get("nullable"):
        return {"anyOf": [converted, {"type": "null"}]}
    return converted


@cache
def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]

    schema = as_json_schema(changes_schema(_REGISTRY[name]))
    return Draft202012Validator(schema, format_checker=FormatChecker())


class InvalidChanges(ValueError):
    """Recorded changes that do not match their type's published schema."""


def validate_changes(event: Event) -> None:
    """Check an event's `changes`, as they will be stored (JSON), against the schema its type
    publishes. `emit` calls it when settings.EVENTS_VALIDATE_CHANGES is on (the tests)."""
    as_stored = json.loads(json.dumps(event.changes, cls=DjangoJSONEncoder))
    errors = sorted(_validator(event.name).iter_errors(as_stored), key=str)
    if errors:
        where = "/".join(str(part) for part in errors[0].absolute_path)
        raise InvalidChanges(f"{event.name} changes at {where or '.'}: {errors[0].message}")


# --- Recording ------------------------------------------------------------------------------
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
    if settings.EVENTS_VALIDATE_CHANGES:
        for event in events:
            validate_changes(event)
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
