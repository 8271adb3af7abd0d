"""The event log's rules: declared types only, written inside the change's transaction."""

import uuid

import pytest
from django.db import transaction

from docket.core.events import (
    EventKind,
    NoChanges,
    UndeclaredChange,
    emit,
    new_event,
    registered_event_types,
)
from docket.core.models import Event
from docket.issues.events import ISSUE_MOVED

WORKSPACE = uuid.UUID("01a20fa1-0000-7000-8000-000000000001")
SUBJECT = uuid.UUID("01a20fa1-0000-7000-8000-000000000002")


def _moved(**changes):
    return new_event(ISSUE_MOVED, workspace_id=WORKSPACE, subject_id=SUBJECT, changes=changes)


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_recording_outside_a_transaction_is_refused():
    with pytest.raises(RuntimeError):
        emit(_moved())
    with transaction.atomic():
        emit(_moved(), _moved())
    assert Event.objects.filter(name="issue.moved").count() == 2


def test_an_undeclared_field_or_a_free_shape_is_refused():
    with pytest.raises(UndeclaredChange):
        _moved(title={"old": "a", "new": "b"})
    with pytest.raises(UndeclaredChange):
        _moved(position="a0")
    event = _moved(position={"old": "a0", "new": "a1"})
    assert (event.name, event.subject_type) == ("issue.moved", "issue")


def test_each_name_is_declared_once_and_every_app_declares_its_types():
    with pytest.raises(ValueError, match="twice"):

        class Again(EventKind[NoChanges]):
            name = "issue.moved"
            subject_type = "issue"
            description = "again"

    names = {kind.name for kind in registered_event_types()}
    assert {"workspace.created", "project.deleted", "issue.updated", "comment.deleted"} <= names
    assert len(names) == 31


def test_the_schema_documents_every_event_type_and_its_changes():
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    components = schema["components"]["schemas"]
    kinds = registered_event_types()
    assert components["EventName"]["enum"] == [kind.name for kind in kinds]
    moved = components["IssueMovedChanges"]["properties"]
    assert set(moved) == {"position", "state", "completed_at"}
    assert moved["state"]["properties"]["new"]["properties"]["category"] == {"type": "string"}
    activity = components["ActivityEventOutput"]["properties"]
    assert len(activity["changes"]["anyOf"]) == len(kinds)
