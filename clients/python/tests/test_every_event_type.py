"""One event of every type round-trips through the generated client to its own typed model,
in each of the three places an integration meets events: the change feed's page, a webhook
delivery's body and a websocket message (each a union discriminated by the event's name)."""

from __future__ import annotations

import re
import uuid
from pathlib import Path
from typing import Any

import pytest
import yaml

import docket_client.models as models
from docket_client.models import EventName, PaginatedFeedEventOutputList

SCHEMA = yaml.safe_load((Path(__file__).parents[3] / "openapi" / "v1.yaml").read_text())
COMPONENTS = SCHEMA["components"]["schemas"]


def _pascal(name: str) -> str:
    return "".join(word.capitalize() for word in re.split(r"[._]", name))


def _feed_event(name: str) -> dict[str, Any]:
    # Every field the type declares, each changed from nothing to nothing: the shape the
    # schema gives this type's `changes`, with no field left to `additional_properties`.
    fields = COMPONENTS[f"{_pascal(name)}Changes"].get("properties", {})
    return {
        "id": 7,
        "name": name,
        "actor": None,
        "project_id": str(uuid.uuid4()),
        "subject_type": name.split(".")[0],
        "subject_id": str(uuid.uuid4()),
        "subject_label": "ENG-1",
        "changes": {field: {"old": None, "new": None} for field in fields},
        "created_at": "2026-01-01T00:00:00+00:00",
    }


NAMES = [name.value for name in EventName]


def test_every_event_name_has_its_own_models() -> None:
    assert len(NAMES) >= 30
    for name in NAMES:
        for suffix in ("FeedEvent", "Changes", "WebhookPayload", "RealtimeEvent"):
            assert hasattr(models, f"{_pascal(name)}{suffix}"), (name, suffix)


@pytest.mark.parametrize("name", NAMES)
def test_a_feed_page_decodes_the_event_to_its_own_type(name: str) -> None:
    body = {"results": [_feed_event(name)], "next_cursor": None}

    page = PaginatedFeedEventOutputList.from_dict(body)

    (event,) = page.results
    assert type(event).__name__ == f"{_pascal(name)}FeedEvent"
    assert type(event.changes).__name__ == f"{_pascal(name)}Changes"
    assert event.changes.additional_properties == {}
    assert page.to_dict() == body


@pytest.mark.parametrize("name", NAMES)
def test_a_webhook_body_decodes_to_its_own_type(name: str) -> None:
    # (The server writes `Z`; the model writes the same instant as `+00:00`.)
    body = {"type": name, "timestamp": "2026-01-01T00:00:00+00:00", "data": _feed_event(name)}
    model = getattr(models, f"{_pascal(name)}WebhookPayload")

    payload = model.from_dict(body)

    assert str(payload.type_) == name
    assert type(payload.data).__name__ == f"{_pascal(name)}FeedEvent"
    assert type(payload.data.changes).__name__ == f"{_pascal(name)}Changes"
    assert payload.to_dict() == body


@pytest.mark.parametrize("name", NAMES)
def test_a_realtime_message_decodes_to_its_own_type(name: str) -> None:
    fields = sorted(COMPONENTS[f"{_pascal(name)}Changes"].get("properties", {}))
    body = {
        "id": 4182,
        "name": name,
        "subject": {"type": name.split(".")[0], "id": str(uuid.uuid4()), "label": "ENG-1"},
        "workspace_id": str(uuid.uuid4()),
        "project_id": None,
        "actor_id": None,
        "version": 7,
        "fields": fields,
        "at": "2026-01-01T00:00:00+00:00",
    }
    model = getattr(models, f"{_pascal(name)}RealtimeEvent")

    message = model.from_dict(body)

    assert str(message.name) == name
    assert [str(field) for field in message.fields] == fields
    assert message.to_dict() == body
