"""What fan-out reads from each event type's class, and the compact message it sends, as the
schema publishes it (the SPA's types are generated from that)."""

from __future__ import annotations

import datetime
import json
import uuid

from django.core.serializers.json import DjangoJSONEncoder
from jsonschema import Draft202012Validator, FormatChecker  # type: ignore[import-untyped]

from docket.core.events import as_json_schema, registered_event_types
from docket.core.models import Event
from docket.http.event_schema import EVENT_NAME_COMPONENT, REALTIME_EVENT
from docket.realtime.fanout import event_message


def test_the_types_that_change_access_or_concern_the_workspace_are_the_known_ones() -> None:
    kinds = registered_event_types()
    assert {kind.name for kind in kinds if kind.changes_access} == {
        "member.role_changed",
        "member.removed",
        "project.member_added",
        "project.member_removed",
        "project.deleted",
        "workspace.deleted",
    }
    workspace_subjects = {"workspace", "membership", "invitation", "project", "state", "label"}
    assert {kind.name for kind in kinds if kind.workspace_level} == {
        kind.name for kind in kinds if kind.subject_type in workspace_subjects
    }


def test_every_compact_message_is_a_published_realtime_event() -> None:
    schema = {
        **as_json_schema(REALTIME_EVENT),
        "components": {
            "schemas": {
                EVENT_NAME_COMPONENT: {"enum": [kind.name for kind in registered_event_types()]}
            }
        },
    }
    validator = Draft202012Validator(schema, format_checker=FormatChecker())
    for kind in registered_event_types():
        for project_id in (uuid.uuid4(), None):
            event = Event(
                id=42,
                workspace_id=uuid.uuid4(),
                project_id=project_id,
                name=kind.name,
                subject_type=kind.subject_type,
                subject_id=uuid.uuid4(),
                subject_label="ENG-1",
                changes={field: {"old": None, "new": None} for field in kind.fields},
                created_at=datetime.datetime.now(datetime.UTC),
            )
            message = json.loads(
                json.dumps(event_message(event, version=None), cls=DjangoJSONEncoder)
            )
            assert list(validator.iter_errors(message)) == []
