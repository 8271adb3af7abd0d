"""The event vocabulary in the OpenAPI schema, from the registry (docket.core.events).

A drf-spectacular postprocessing hook, so each event class stays the one place its type is
declared. It publishes:
- `EventName`, every type's name, and one `<Name>Changes` component per type;
- the change feed's item (`FeedEventOutput`) as a union discriminated by `name`: one
  `<Name>FeedEvent` alternative per type, whose `name` is that one value and whose `changes`
  are that type's, so generated clients decode each event to its own type;
- `RealtimeEventOutput`, the compact event a websocket receives (docs/realtime.md), from which
  the SPA's realtime types are generated: a union discriminated by `name` too, one
  `<Name>RealtimeEvent` per type whose `fields` name only that type's fields;
- `WebhookPayload`, the body of a webhook delivery (docs/integrations.md): a union discriminated
  by `type`, one `<Name>WebhookPayload` per type whose `data` is that type's feed event.
The activity endpoint's item keeps `changes` as an (undiscriminated) choice of every type's.
"""

import copy
from typing import Any

from docket.core.events import EventType, changes_schema, registered_event_types

EVENT_NAME_COMPONENT = "EventName"
ACTIVITY_OUTPUT = "ActivityEventOutput"
FEED_OUTPUT = "FeedEventOutput"
REALTIME_OUTPUT = "RealtimeEventOutput"
WEBHOOK_PAYLOAD = "WebhookPayload"


def _pascal(kind: EventType) -> str:
    words = kind.name.replace(".", "_").split("_")
    return "".join(word.capitalize() for word in words)


def changes_component_name(kind: EventType) -> str:
    return f"{_pascal(kind)}Changes"


def feed_event_component_name(kind: EventType) -> str:
    return f"{_pascal(kind)}FeedEvent"


def realtime_event_component_name(kind: EventType) -> str:
    return f"{_pascal(kind)}RealtimeEvent"


def webhook_payload_component_name(kind: EventType) -> str:
    return f"{_pascal(kind)}WebhookPayload"


def _ref(component: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{component}"}


CHANGES_DESCRIPTION = (
    'Changed fields as {"field": {"old": ..., "new": ...}}; its shape is the one of the '
    "event's name (`<Name>Changes`)."
)


def _feed_union(base: dict[str, Any], kinds: list[EventType]) -> tuple[dict[str, Any], dict]:
    """The feed item as one alternative per type, discriminated by `name`."""
    alternatives = {}
    for kind in kinds:
        properties = copy.deepcopy(base["properties"])
        properties["name"] = {"type": "string", "enum": [kind.name]}
        properties["changes"] = _ref(changes_component_name(kind))
        schema = {
            "type": "object",
            "description": f"A `{kind.name}` event of the change feed. {kind.description}",
            "properties": properties,
            "required": list(base.get("required", [])),
        }
        alternatives[feed_event_component_name(kind)] = (kind.name, schema)
    return _union(
        "One event of the change feed: one of the `<Name>FeedEvent` alternatives, told apart "
        "by `name` (see `EventName`).",
        "name",
        alternatives,
    )


# The compact event of docket.realtime.fanout.event_message; a realtime test holds them equal.
REALTIME_EVENT: dict[str, Any] = {
    "type": "object",
    "description": (
        "What a websocket receives of an event (docs/realtime.md): what changed, not what it "
        "changed to; clients refetch through the API."
    ),
    "properties": {
        "id": {"type": "integer"},
        "name": _ref(EVENT_NAME_COMPONENT),
        "subject": {
            "type": "object",
            "properties": {
                "type": {"type": "string"},
                "id": {"type": "string", "format": "uuid"},
                "label": {"type": "string"},
            },
            "required": ["id", "label", "type"],
            "additionalProperties": False,
        },
        "workspace_id": {"type": "string", "format": "uuid"},
        "project_id": {"type": "string", "format": "uuid", "nullable": True},
        "actor_id": {"type": "string", "format": "uuid", "nullable": True},
        "version": {
            "type": "integer",
            "nullable": True,
            "description": (
                "The version of the issue the event is about, as it is when the message is sent "
                "(the first part of the issue's ETag): a client that already holds this version "
                "or a later one can drop the message. Null when the subject is not an issue, or "
                "the issue no longer exists."
            ),
        },
        "fields": {
            "type": "array",
            "items": {"type": "string"},
            "description": "The names of the changed fields (keys of the event's changes).",
        },
        "at": {"type": "string", "format": "date-time"},
    },
    "required": [
        "actor_id",
        "at",
        "fields",
        "id",
        "name",
        "project_id",
        "subject",
        "version",
        "workspace_id",
    ],
    "additionalProperties": False,
}


def _union(
    description: str, discriminator: str, alternatives: dict[str, tuple[str, dict[str, Any]]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """A union of `alternatives` ({component: (discriminator value, schema)})."""
    union = {
        "description": description,
        "oneOf": [_ref(component) for component in alternatives],
        "discriminator": {
            "propertyName": discriminator,
            "mapping": {
                value: f"#/components/schemas/{component}"
                for component, (value, _schema) in alternatives.items()
            },
        },
    }
    return union, {component: schema for component, (_value, schema) in alternatives.items()}


def _realtime_union(kinds: list[EventType]) -> tuple[dict[str, Any], dict[str, Any]]:
    alternatives = {}
    for kind in kinds:
        schema = copy.deepcopy(REALTIME_EVENT)
        schema["description"] = f"A `{kind.name}` event on a websocket. {kind.description}"
        schema["properties"]["name"] = {"type": "string", "enum": [kind.name]}
        names = sorted(kind.fields)
        schema["properties"]["fields"]["items"] = (
            {"type": "string", "enum": names} if names else {"type": "string"}
        )
        alternatives[realtime_event_component_name(kind)] = (kind.name, schema)
    return _union(
        REALTIME_EVENT["description"] + " One `<Name>RealtimeEvent` per type, told apart by "
        "`name`.",
        "name",
        alternatives,
    )


def _webhook_union(kinds: list[EventType]) -> tuple[dict[str, Any], dict[str, Any]]:
    alternatives = {}
    for kind in kinds:
        schema = {
            "type": "object",
            "description": f"The body of a `{kind.name}` webhook delivery.",
            "properties": {
                "type": {"type": "string", "enum": [kind.name]},
                "timestamp": {"type": "string", "format": "date-time"},
                "data": _ref(feed_event_component_name(kind)),
            },
            "required": ["data", "timestamp", "type"],
        }
        alternatives[webhook_payload_component_name(kind)] = (kind.name, schema)
    return _union(
        "The JSON body of a webhook delivery (Standard Webhooks: `type`, `timestamp`, `data`; "
        "docs/integrations.md): `data` is the event as the change feed shows it. One "
        "`<Name>WebhookPayload` per type, told apart by `type`.",
        "type",
        alternatives,
    )


def document_event_types(result: dict[str, Any], **_: Any) -> dict[str, Any]:
    kinds = registered_event_types()
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas[EVENT_NAME_COMPONENT] = {
        "type": "string",
        "enum": [kind.name for kind in kinds],
        "description": "Every kind of event the log records.",
    }
    for kind in kinds:
        schemas[changes_component_name(kind)] = changes_schema(kind)
    activity = schemas.get(ACTIVITY_OUTPUT, {}).get("properties")
    if activity:
        activity["name"] = _ref(EVENT_NAME_COMPONENT)
        activity["changes"] = {
            "description": CHANGES_DESCRIPTION,
            "anyOf": [_ref(changes_component_name(kind)) for kind in kinds],
        }
    if FEED_OUTPUT in schemas:
        union, alternatives = _feed_union(schemas[FEED_OUTPUT], kinds)
        schemas[FEED_OUTPUT] = union
        schemas.update(alternatives)
    for name, (union, alternatives) in {
        REALTIME_OUTPUT: _realtime_union(kinds),
        WEBHOOK_PAYLOAD: _webhook_union(kinds),
    }.items():
        schemas[name] = union
        schemas.update(alternatives)
    return result
