"""Who may see an event: the change feed's SQL and realtime's in-memory check are one rule
(docket.core.visibility), held to the same answer for every event type and role, and to the
behaviour integrators rely on."""

from __future__ import annotations

import uuid

import pytest

from docket.core.access import Access
from docket.core.events import Audience, registered_event_types
from docket.core.models import Event
from docket.core.roles import Role
from docket.core.visibility import can_see_event
from docket.integrations.selectors import visible_events

WORKSPACE = uuid.uuid4()
GUESTS_PROJECT = uuid.uuid4()
OTHER_PROJECT = uuid.uuid4()

# Who reads: every role, and a guest of the event's project as well as one of another.
READERS = {
    "owner": (Role.OWNER, None),
    "admin": (Role.ADMIN, None),
    "member": (Role.MEMBER, None),
    "guest of the project": (Role.GUEST, frozenset({GUESTS_PROJECT})),
    "guest without the project": (Role.GUEST, frozenset()),
}


def _access(reader: str) -> Access:
    role, projects = READERS[reader]
    return Access(
        user=None,
        workspace_id=WORKSPACE,
        membership_id=uuid.uuid4(),
        role=role,
        visible_project_ids=projects,
    )


def _expected(reader: str, *, name: str, project_id: uuid.UUID | None) -> bool:
    """The behaviour as documented: guests see their projects' events and news about the
    workspace; members everything but invitations; admins and owners all."""
    role, projects = READERS[reader]
    if role == Role.GUEST:
        return name.startswith("workspace.") or (projects is not None and project_id in projects)
    if role == Role.MEMBER:
        return not name.startswith("invitation.")
    return True


@pytest.fixture
def every_kind_of_event() -> list[Event]:
    """One event per type in each place it can be: the guest's project, another project, and
    no project."""
    return Event.objects.bulk_create(
        Event(
            workspace_id=WORKSPACE,
            project_id=project_id,
            name=kind.name,
            subject_type=kind.subject_type,
            subject_id=uuid.uuid4(),
        )
        for kind in registered_event_types()
        for project_id in (GUESTS_PROJECT, OTHER_PROJECT, None)
    )


@pytest.mark.django_db
@pytest.mark.parametrize("reader", READERS)
def test_the_feed_and_realtime_agree_with_each_other_and_with_the_documented_rule(
    reader: str, every_kind_of_event: list[Event]
) -> None:
    # Given every type of event in every place, and a reader
    access = _access(reader)

    # When the change feed's filter (SQL) and realtime (in memory) decide what the reader sees
    in_sql = set(visible_events(access=access).values_list("id", flat=True))
    in_memory = {
        event.id
        for event in every_kind_of_event
        if can_see_event(access, name=event.name, project_id=event.project_id)
    }

    # Then they agree on every event, and with the documented behaviour
    assert in_sql == in_memory
    expected = {
        event.id
        for event in every_kind_of_event
        if _expected(reader, name=event.name, project_id=event.project_id)
    }
    assert in_memory == expected


def test_audiences_are_as_documented() -> None:
    audiences = {kind.name: kind.audience for kind in registered_event_types()}
    assert {name for name, audience in audiences.items() if audience is Audience.WORKSPACE} == {
        "workspace.created",
        "workspace.updated",
        "workspace.deleted",
    }
    assert {name for name, audience in audiences.items() if audience is Audience.ADMINS} == {
        "invitation.created",
        "invitation.revoked",
        "invitation.accepted",
    }
