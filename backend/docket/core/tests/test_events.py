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


def _generated_schema() -> dict:
    from drf_spectacular.generators import SchemaGenerator

    return SchemaGenerator().get_schema(request=None, public=True)


def _event_components(schema: dict) -> dict:
    """The components the event registry publishes."""
    from docket.http.event_schema import (
        EVENT_NAME_COMPONENT,
        FEED_OUTPUT,
        REALTIME_OUTPUT,
        changes_component_name,
        feed_event_component_name,
    )

    names = [EVENT_NAME_COMPONENT, FEED_OUTPUT, REALTIME_OUTPUT]
    for kind in registered_event_types():
        names += [changes_component_name(kind), feed_event_component_name(kind)]
    components = schema["components"]["schemas"]
    return {name: components.get(name) for name in names}


def test_the_published_schema_holds_exactly_the_registrys_events():
    import yaml
    from django.conf import settings

    published = yaml.safe_load((settings.REPO_DIR / "openapi" / "v1.yaml").read_text())
    assert _event_components(published) == _event_components(_generated_schema())


def test_the_feed_item_is_a_union_discriminated_by_name():
    components = _generated_schema()["components"]["schemas"]
    feed = components["FeedEventOutput"]
    kinds = registered_event_types()
    assert len(feed["oneOf"]) == len(kinds)
    mapping = feed["discriminator"]["mapping"]
    assert feed["discriminator"]["propertyName"] == "name"
    assert set(mapping) == {kind.name for kind in kinds}
    for kind in kinds:
        alternative = components[mapping[kind.name].rsplit("/", 1)[1]]
        assert alternative["properties"]["name"]["enum"] == [kind.name]
        changes = alternative["properties"]["changes"]["$ref"].rsplit("/", 1)[1]
        assert set(components[changes]["properties"]) == set(kind.fields)
        assert "name" in alternative["required"]
        assert "changes" in alternative["required"]


def test_recorded_changes_are_checked_against_the_published_schema():
    from docket.core.events import InvalidChanges, validate_changes

    state = {"id": str(SUBJECT), "name": "Done", "category": "completed"}
    validate_changes(_moved(state={"old": None, "new": state}))
    with pytest.raises(InvalidChanges, match="state"):
        validate_changes(_moved(state={"old": None, "new": {"id": str(SUBJECT), "name": "Done"}}))
    with pytest.raises(InvalidChanges, match="position"):
        validate_changes(_moved(position={"old": None, "new": 3}))


def test_a_consumer_reads_changes_typed_by_their_class():
    from docket.issues.events import IssueMoved, IssueUpdated

    state = {"id": str(SUBJECT), "name": "Done", "category": "completed"}
    event = _moved(state={"old": None, "new": state})
    changes = IssueMoved.changes_of(event)
    assert changes["state"]["new"] == state
    assert IssueMoved.is_kind_of(event)
    assert not IssueUpdated.is_kind_of(event)
    with pytest.raises(TypeError):
        IssueUpdated.changes_of(event)


def test_a_consumer_subscribes_by_class():
    from docket.core.events import consumes, consumes_every_type
    from docket.issues.events import IssueMoved, IssueUpdated

    moved = _moved()
    unknown = Event(name="nothing.declared", workspace_id=WORKSPACE, subject_id=SUBJECT)
    assert consumes(IssueMoved).select([moved, unknown]) == [moved]
    assert consumes(IssueUpdated).select([moved]) == []
    assert consumes_every_type().with_kinds([unknown, moved]) == [(moved, IssueMoved)]
