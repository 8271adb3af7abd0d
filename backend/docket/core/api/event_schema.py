"""The event vocabulary in the OpenAPI schema: one component per event type's `changes`.

A drf-spectacular postprocessing hook, so the registry (docket.core.events) stays the one place
an event type is declared: what the activity endpoint returns today, and what the change feed
and webhooks will publish, is documented from the same declarations.
"""

from typing import Any

from docket.core.events import EventType, changes_schema, registered_event_types

EVENT_NAME_COMPONENT = "EventName"
EVENT_OUTPUTS = ("ActivityEventOutput", "FeedEventOutput")


def changes_component_name(kind: EventType) -> str:
    words = kind.name.replace(".", "_").split("_")
    return "".join(word.capitalize() for word in words) + "Changes"


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
    for output in EVENT_OUTPUTS:
        properties = schemas.get(output, {}).get("properties")
        if not properties:
            continue
        properties["name"] = {"$ref": f"#/components/schemas/{EVENT_NAME_COMPONENT}"}
        properties["changes"] = {
            "description": (
                'Changed fields as {"field": {"old": ..., "new": ...}}; its shape is the '
                "one of the event's name (`<Name>Changes`)."
            ),
            "anyOf": [
                {"$ref": f"#/components/schemas/{changes_component_name(kind)}"} for kind in kinds
            ],
        }
    return result
