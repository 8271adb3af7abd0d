"""The change feed: commit-safe order, what each role sees, deletions included."""

import threading
import time

import pytest
from django.db import connections, transaction
from django.test.utils import CaptureQueriesContext

from docket.core.models import Event
from docket.issues.services import comment_create, comment_delete, issue_create, issue_delete
from docket.projects.services import label_create, project_create, project_delete
from docket.testing.factories import MembershipFactory
from docket.testing.world import access_of
from docket.workspaces.models import Role
from docket.workspaces.services import invitation_create

FEED = "/api/v1/workspaces/acme/events"


def _read_all(client, cursor: str | None) -> tuple[list[dict], str | None]:
    """Follow the feed from `cursor` to its end: every event, and the cursor to resume from."""
    events: list[dict] = []
    while True:
        page = client.get(FEED, {"limit": 100, **({"cursor": cursor} if cursor else {})})
        assert page.status_code == 200, page.content
        body = page.json()
        events += body["results"]
        cursor = body["next_cursor"] or cursor
        if not body["results"]:
            return events, cursor


def _read_at_least(client, cursor: str | None, count: int) -> tuple[list[dict], str | None]:
    """Follow the feed until `count` events arrived. The horizon is the whole server's: a
    transaction open anywhere (another test's worker, a connection not yet closed) delays what
    the feed shows for a moment, never what it eventually shows."""
    events: list[dict] = []
    deadline = time.monotonic() + 30
    while len(events) < count and time.monotonic() < deadline:
        more, cursor = _read_all(client, cursor)
        events += more
        if len(events) < count:
            time.sleep(0.1)
    return events, cursor


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_an_event_committed_late_is_never_skipped(as_user):
    # Given a workspace, and a reader that has read the feed to its end
    owner = MembershipFactory(role=Role.OWNER, workspace__slug="acme")
    access = access_of(owner)
    reader = as_user(owner.user)
    seen, cursor = _read_all(reader, None)
    assert seen == []

    # When a first transaction takes an event id and stays open, a second one takes a later id
    # and commits...
    first_took_its_id = threading.Event()
    second_committed = threading.Event()
    first_may_commit = threading.Event()

    def write(title: str, *, before=None, after=None) -> None:
        try:
            with transaction.atomic():
                if before:
                    before.wait(30)
                label_create(access=access, project=project, name=title, color="#000000")
                if after:
                    after.set()
                    first_may_commit.wait(30)
        finally:
            connections.close_all()

    project = project_create(access=access, key="LATE", name="Late")
    created, cursor = _read_at_least(reader, cursor, 6)  # the project and its five states
    assert len(created) == 6
    first = threading.Thread(target=write, args=("first",), kwargs={"after": first_took_its_id})
    first.start()
    assert first_took_its_id.wait(30)

    def second_writer() -> None:
        write("second")
        second_committed.set()

    second = threading.Thread(target=second_writer)
    second.start()
    assert second_committed.wait(30)

    # ...then the reader sees neither while the first is still running (the second's event is
    # committed but behind the horizon), rather than the second alone.
    seen, cursor = _read_all(reader, cursor)
    assert seen == []

    # And once the first commits, the reader gets both, the first one (the smaller id, committed
    # last) included.
    first_may_commit.set()
    first.join(30)
    second.join(30)
    ids = dict(Event.objects.filter(name="label.created").values_list("subject_label", "id"))
    assert ids["first"] < ids["second"]
    seen, cursor = _read_at_least(reader, cursor, 2)
    assert sorted(e["subject_label"] for e in seen) == ["first", "second"]
    assert _read_all(reader, cursor)[0] == []


# Transactional: the feed shows only committed events, never those of a transaction still open.
@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_each_role_reads_what_it_may_see_with_deletions(world, as_user):
    # Given an invitation, a deleted comment, a deleted issue in ENG and a deleted project
    invitation_create(access=world.access("admin"), email="new@example.com", role=Role.MEMBER)
    comment = comment_create(access=world.access("guest"), issue=world.eng_issue, body="secret")
    comment_delete(access=world.access("guest"), comment=comment)
    doomed = issue_create(access=world.access("member"), project=world.eng, title="Doomed")
    issue_delete(access=world.access("member"), issue=doomed)
    ops_issue_id = str(world.ops_issue.id)
    project_delete(access=world.access("admin"), project=world.ops)

    # Everything is committed; wait out any transaction elsewhere that holds the horizon back.
    total = Event.objects.filter(workspace_id=world.workspace.id).count()
    assert len(_read_at_least(as_user(world.admin), None, total)[0]) == total

    def names(role: str) -> list[str]:
        events, _ = _read_all(as_user(world.user(role)), None)
        return [event["name"] for event in events]

    admin, member, guest = names("admin"), names("member"), names("guest")

    # Then admins see everything, members all but invitations (addresses), and the guest only
    # ENG's events, deletions included
    assert "invitation.created" in admin
    assert "invitation.created" not in member
    assert {"comment.deleted", "issue.deleted", "project.deleted"} <= set(member)
    assert "project.deleted" not in guest
    assert {"comment.created", "comment.deleted", "issue.deleted"} <= set(guest)
    guest_events, _ = _read_all(as_user(world.guest), None)
    assert {e["project_id"] for e in guest_events} == {str(world.eng.id)}
    assert ops_issue_id in {e["subject_id"] for e in _read_all(as_user(world.member), None)[0]}
    assert "secret" not in str(guest_events)
    # An outsider gets the workspace's 404
    assert as_user(world.outsider).get(FEED).status_code == 404
    # And a page costs the same queries whatever its size: user, access, events with actors
    # (reads go to the replica alias here, a second connection to the same database)
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        as_user(world.admin).get(FEED, {"limit": 100})
    assert len(primary) + len(replica) == 3


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_the_feed_starts_from_now_and_a_caught_up_page_gives_the_same_cursor(world, as_user):
    # Given a workspace with a history, and a mirror that only wants what happens from now on
    reader = as_user(world.admin)
    issue_create(access=world.access("member"), project=world.eng, title="Before")
    total = Event.objects.filter(workspace_id=world.workspace.id).count()
    _read_at_least(reader, None, total)  # everything committed is below the horizon

    # When it asks for the head
    head = reader.get(FEED, {"cursor": "now"})

    # Then it gets no events and a cursor
    assert head.status_code == 200
    assert head.json()["results"] == []
    cursor = head.json()["next_cursor"]
    assert cursor
    # From which a caught-up page answers nothing and the same cursor, not null
    caught_up = reader.get(FEED, {"cursor": cursor}).json()
    assert caught_up == {"results": [], "next_cursor": cursor}
    # And only later changes follow
    issue_create(access=world.access("member"), project=world.eng, title="After")
    events, _ = _read_at_least(reader, cursor, 1)
    assert [e["name"] for e in events] == ["issue.created"]
    assert events[0]["changes"]["title"]["new"] == "After"


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_the_feed_filters_by_project_with_the_same_cursors(world, as_user):
    # Given changes in ENG, in OPS and to the workspace
    reader = as_user(world.admin)
    issue_create(access=world.access("member"), project=world.eng, title="In ENG")
    issue_create(access=world.access("member"), project=world.ops, title="In OPS")
    total = Event.objects.filter(workspace_id=world.workspace.id).count()
    everything, _ = _read_at_least(reader, None, total)

    # When a reader follows ENG only
    page = reader.get(FEED, {"project": "ENG", "limit": 100})

    # Then it reads ENG's events, all of them, and nothing else
    assert page.status_code == 200, page.content
    eng = page.json()["results"]
    assert {e["project_id"] for e in eng} == {str(world.eng.id)}
    assert [e["id"] for e in eng] == [
        e["id"] for e in everything if e["project_id"] == str(world.eng.id)
    ]
    # A project the caller cannot see is the same 404 as a missing one, for a guest too
    assert reader.get(FEED, {"project": "NOPE"}).status_code == 404
    assert as_user(world.guest).get(FEED, {"project": "OPS"}).status_code == 404
