"""The realtime socket on the real Redis channel layer and the real database.

Each test drains the world's setup events first, so a socket sees only what the test does.
"""

from __future__ import annotations

import json

import pytest
from channels.db import database_sync_to_async
from django.core.cache import cache
from django.test import override_settings

from docket.core.models import Event
from docket.issues.models import Issue
from docket.issues.services import issue_update
from docket.projects.models import ProjectMember
from docket.projects.services import project_member_remove, project_update
from docket.realtime.consumers import CLOSE_FORBIDDEN_ORIGIN, CLOSE_NOT_FOUND
from docket.realtime.fanout import publish_events
from docket.realtime.tests.sockets import Socket, relay, relay_everything, run, signed_in
from docket.realtime.tickets import KEY, ticket_issue
from docket.testing.worker import wait_for
from docket.workspaces.models import Membership, Role
from docket.workspaces.services import invitation_create, member_remove, workspace_update

UNAUTHENTICATED = 4401
transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)


def _later(func, /, **kwargs):
    return database_sync_to_async(lambda: func(**kwargs))()


# --- the ticket -------------------------------------------------------------------------------


@transactional
def test_the_ticket_endpoint_needs_a_signed_in_caller(api, as_user, world):
    assert api.post("/api/v1/realtime/ticket").status_code == 401
    response = as_user(world.member).post("/api/v1/realtime/ticket")
    assert response.status_code == 201
    body = response.json()
    assert (body["url"], body["expires_in"]) == ("/ws/v1/", 30)
    assert len(body["ticket"]) >= 40

    async def scenario():
        socket = Socket()
        await socket.open()
        ready = await socket.ask({"type": "auth", "ticket": body["ticket"]})
        assert (ready["type"], ready["user_id"]) == ("ready", str(world.member.pk))
        await socket.close()

    run(scenario())


@transactional
def test_a_ticket_opens_one_socket_once(quiet_world):
    async def scenario():
        ticket = await database_sync_to_async(ticket_issue)(user_id=quiet_world.member.pk)
        first, second = Socket(), Socket()
        await first.open()
        await second.open()
        assert (await first.ask({"type": "auth", "ticket": ticket}))["type"] == "ready"
        refused = await second.ask({"type": "auth", "ticket": ticket})
        assert refused == {"type": "closed", "code": UNAUTHENTICATED}
        await first.close()

    run(scenario())


@transactional
@override_settings(REALTIME_TICKET_SECONDS=1)
def test_an_expired_ticket_is_refused(quiet_world):
    ticket = ticket_issue(user_id=quiet_world.member.pk)
    # Redis expires it on its own (the only clock involved is Redis's)
    wait_for(lambda: not cache.has_key(_ticket_key(ticket)), seconds=10, what="the expiry")

    async def scenario():
        socket = Socket()
        await socket.open()
        assert await socket.ask({"type": "auth", "ticket": ticket}) == {
            "type": "closed",
            "code": UNAUTHENTICATED,
        }

    run(scenario())


def _ticket_key(ticket: str) -> str:
    import hashlib

    return KEY.format(hashlib.sha256(ticket.encode()).hexdigest())


@transactional
@pytest.mark.parametrize(
    "first_message",
    [
        {"type": "subscribe", "workspace": "acme"},
        {"type": "auth", "ticket": "x" * 43},
        {"type": "auth", "ticket": 12},
        {"type": "auth"},
    ],
)
def test_anything_but_a_valid_ticket_first_closes_the_socket(quiet_world, first_message):
    async def scenario():
        socket = Socket()
        await socket.open()
        assert await socket.ask(first_message) == {"type": "closed", "code": UNAUTHENTICATED}

    run(scenario())


@transactional
@override_settings(REALTIME_AUTH_TIMEOUT_SECONDS=0.2)
def test_a_socket_that_never_authenticates_is_closed(quiet_world):
    async def scenario():
        socket = Socket()
        await socket.open()
        assert await socket.receive() == {"type": "closed", "code": UNAUTHENTICATED}

    run(scenario())


@transactional
def test_a_deactivated_user_cannot_redeem_a_ticket(quiet_world):
    ticket = ticket_issue(user_id=quiet_world.member.pk)
    type(quiet_world.member).objects.filter(pk=quiet_world.member.pk).update(is_active=False)

    async def scenario():
        socket = Socket()
        await socket.open()
        assert (await socket.ask({"type": "auth", "ticket": ticket}))["code"] == UNAUTHENTICATED

    run(scenario())


# --- the handshake ---------------------------------------------------------------------------


@transactional
@pytest.mark.parametrize(
    ("path", "origin", "accepted", "code"),
    [
        ("/ws/v1/", b"http://localhost:5173", True, None),
        ("/ws/v1/", b"HTTP://LOCALHOST:5173", True, None),
        ("/ws/v1/", None, True, None),  # not a browser: it still needs a ticket
        ("/ws/v1/", b"https://evil.example", False, CLOSE_FORBIDDEN_ORIGIN),
        ("/ws/v1/", b"http://localhost:5173.evil.example", False, CLOSE_FORBIDDEN_ORIGIN),
        ("/ws/v1/", b"null", False, CLOSE_FORBIDDEN_ORIGIN),
        ("/ws/", b"http://localhost:5173", False, CLOSE_NOT_FOUND),
        ("/ws/v2/", b"http://localhost:5173", False, CLOSE_NOT_FOUND),
    ],
)
def test_the_handshake_checks_path_and_origin(db, path, origin, accepted, code):
    async def scenario():
        socket = Socket(path, origin=origin)
        connected, close_code = await socket.open()
        assert (connected, close_code if not connected else None) == (accepted, code)
        if connected:
            await socket.close()

    run(scenario())


# --- subscriptions and access ----------------------------------------------------------------


@transactional
@pytest.mark.parametrize(
    ("role", "workspace", "project", "answer"),
    [
        ("guest", "acme", "OPS", "project_not_found"),  # exists, not theirs
        ("guest", "acme", "NOPE", "project_not_found"),  # same answer as a missing one
        ("outsider", "acme", None, "workspace_not_found"),
        ("outsider", "acme", "ENG", "workspace_not_found"),
        ("member", "other", None, "workspace_not_found"),
        ("member", "nope", None, "workspace_not_found"),
        ("guest", "acme", "ENG", "subscribed"),
        ("guest", "acme", None, "subscribed"),
        ("member", "acme", "OPS", "subscribed"),
    ],
)
def test_subscribing_checks_access(quiet_world, role, workspace, project, answer):
    async def scenario():
        socket = Socket()
        await socket.sign_in(getattr(quiet_world, role))
        reply = await socket.subscribe(workspace, project)
        assert reply.get("code", reply["type"]) == answer
        await socket.close()

    run(scenario())


@transactional
def test_a_member_sees_a_card_move_in_the_project_and_nothing_from_elsewhere(quiet_world):
    world = quiet_world
    owner = world.access("owner")
    done = world.eng.states.get(name="Done")

    async def scenario():
        member = await signed_in(world.member, ("acme", "ENG"))
        await _later(issue_update, access=owner, issue=world.eng_issue, state_id=done.pk)
        await _later(issue_update, access=owner, issue=world.ops_issue, title="Elsewhere")
        await relay()
        message = await member.receive()
        assert (message["type"], message["topic"]) == ("event", "project:acme/ENG")
        event = message["event"]
        assert event["name"] == "issue.updated"
        assert event["subject"] == {
            "type": "issue",
            "id": str(world.eng_issue.pk),
            "label": world.eng_issue.key,
        }
        assert event["fields"] == ["completed_at", "state"]  # what changed, never to what
        assert event["project_id"] == str(world.eng.pk)
        assert event["actor_id"] == str(world.owner.pk)
        # The issue's version (the one its ETag carries), not the event's id
        issue = await database_sync_to_async(Issue.objects.get)(pk=world.eng_issue.pk)
        assert event["version"] == issue.version != event["id"]
        assert await member.silent()  # the OPS change went to OPS's topic only
        await member.close()

    run(scenario())


@transactional
def test_workspace_topics_show_each_role_what_the_change_feed_would(quiet_world):
    world = quiet_world
    owner = world.access("owner")

    async def scenario():
        sockets = {
            role: await signed_in(getattr(world, role), ("acme", None))
            for role in ("admin", "member", "guest")
        }
        await _later(workspace_update, access=owner, workspace=world.workspace, name="Acme 2")
        await _later(invitation_create, access=owner, email="new@example.com", role=Role.MEMBER)
        await _later(project_update, access=owner, project=world.ops, name="Ops 2")
        await _later(project_update, access=owner, project=world.eng, name="Eng 2")
        await relay()
        seen = {
            role: [(m["event"]["name"], m["event"]["subject"]["label"]) for m in await s.drain()]
            for role, s in sockets.items()
        }
        assert seen == {
            "admin": [
                ("workspace.updated", "acme"),
                ("invitation.created", "new@example.com"),
                ("project.updated", "OPS"),
                ("project.updated", "ENG"),
            ],
            "member": [
                ("workspace.updated", "acme"),
                ("project.updated", "OPS"),
                ("project.updated", "ENG"),
            ],
            "guest": [("workspace.updated", "acme"), ("project.updated", "ENG")],
        }
        for socket in sockets.values():
            await socket.close()

    run(scenario())


@transactional
def test_a_removed_member_stops_receiving_at_once(quiet_world):
    world = quiet_world
    owner = world.access("owner")
    membership = Membership.objects.get(workspace=world.workspace, user=world.member)

    async def scenario():
        member = await signed_in(world.member, ("acme", "ENG"), ("acme", None))
        # One batch: a change before the removal, the removal, a change after it
        await _later(issue_update, access=owner, issue=world.eng_issue, title="Before")
        await _later(member_remove, access=owner, target=membership)
        await _later(issue_update, access=owner, issue=world.eng_issue, title="After")
        await relay()
        seen = [await member.receive() for _ in range(3)]
        assert seen[0]["event"]["name"] == "issue.updated"
        assert {(m["type"], m["topic"], m["reason"]) for m in seen[1:]} == {
            ("unsubscribed", "project:acme/ENG", "access_revoked"),
            ("unsubscribed", "workspace:acme", "access_revoked"),
        }
        assert await member.silent()  # the change after the removal never reached them
        # and they cannot come back
        assert (await member.subscribe("acme", "ENG"))["code"] == "workspace_not_found"
        await member.close()

    run(scenario())


@transactional
def test_a_guest_taken_off_a_project_stops_receiving_it(quiet_world):
    world = quiet_world
    owner = world.access("owner")
    added = ProjectMember.objects.get(project=world.eng, membership__user=world.guest)

    async def scenario():
        guest = await signed_in(world.guest, ("acme", "ENG"))
        await _later(project_member_remove, access=owner, project=world.eng, member=added)
        await _later(issue_update, access=owner, issue=world.eng_issue, title="After")
        await relay()
        first = await guest.receive()
        assert (first["type"], first["reason"]) == ("unsubscribed", "access_revoked")
        assert await guest.silent()
        await guest.close()

    run(scenario())


@transactional
def test_a_member_taken_off_nothing_keeps_receiving(quiet_world):
    """An access change elsewhere in the workspace re-checks, and keeps what is still allowed."""
    world = quiet_world
    owner = world.access("owner")
    added = ProjectMember.objects.get(project=world.eng, membership__user=world.guest)

    async def scenario():
        member = await signed_in(world.member, ("acme", "ENG"))
        await _later(project_member_remove, access=owner, project=world.eng, member=added)
        await _later(issue_update, access=owner, issue=world.eng_issue, title="After")
        await relay()
        names = [(await member.receive())["event"]["name"] for _ in range(2)]
        assert names == ["project.member_removed", "issue.updated"]
        await member.close()

    run(scenario())


@transactional
@override_settings(REALTIME_MAX_EVENT_AGE_SECONDS=0)
def test_events_older_than_the_limit_are_not_pushed(quiet_world):
    world = quiet_world
    owner = world.access("owner")

    async def scenario():
        member = await signed_in(world.member, ("acme", "ENG"))
        await _later(issue_update, access=owner, issue=world.eng_issue, title="x")
        assert await relay() == 1  # handed to the consumer, which let it go
        assert await member.silent()
        await member.close()

    run(scenario())


# --- hostile input ---------------------------------------------------------------------------


@transactional
@override_settings(REALTIME_MAX_SUBSCRIPTIONS=2)
def test_bad_messages_get_errors_and_the_socket_stays_usable(quiet_world):
    async def scenario():
        socket = Socket()
        await socket.sign_in(quiet_world.member)
        cases = [
            ("not json", "invalid_json"),
            ("[1, 2]", "invalid_message"),
            ('{"type": 3}', "invalid_message"),
            ('{"type": "dance"}', "unknown_type"),
            ('{"type": "subscribe"}', "invalid_message"),
            ('{"type": "subscribe", "workspace": 7}', "invalid_message"),
            ('{"type": "subscribe", "workspace": "ac\\u0000me"}', "invalid_message"),
            ('{"type": "subscribe", "workspace": "\\ud800"}', "invalid_message"),
            ('{"type": "subscribe", "workspace": "acme", "project": "\\ud800"}', "invalid_message"),
            # A project key follows the one key rule (docket.core.keys), as in URLs.
            ('{"type": "subscribe", "workspace": "acme", "project": "eng"}', "invalid_message"),
            (
                json.dumps({"type": "subscribe", "workspace": "a", "project": "K" * 11}),
                "invalid_message",
            ),
            ('{"type": "unsubscribe", "topic": "workspace:acme"}', "not_subscribed"),
            ('{"type": "auth", "ticket": "again"}', "already_authenticated"),
            ("x" * 5000, "message_too_large"),
        ]
        for text, code in cases:
            reply = await socket.ask(text)
            assert (reply["type"], reply.get("code")) == ("error", code), text
        await socket.send_bytes(b"\x00\x01")
        assert (await socket.receive())["code"] == "invalid_message"
        # A client's ref comes back only when it is a short label
        ping = await socket.ask({"type": "ping", "ref": "r1"})
        assert ping == {"type": "pong", "ref": "r1"}
        assert (await socket.ask({"type": "ping", "ref": "\ud800"}))["ref"] is None
        # The limit on topics
        assert (await socket.subscribe("acme"))["type"] == "subscribed"
        assert (await socket.subscribe("acme", "ENG"))["type"] == "subscribed"
        assert (await socket.subscribe("acme", "ENG"))["type"] == "subscribed"  # idempotent
        assert (await socket.subscribe("acme", "OPS"))["code"] == "too_many_subscriptions"
        reply = await socket.ask({"type": "unsubscribe", "topic": "project:acme/ENG"})
        assert reply == {"type": "unsubscribed", "topic": "project:acme/ENG", "reason": "requested"}
        await socket.close()

    run(scenario())


@transactional
def test_notifications_reach_the_recipients_sockets_only(quiet_world):
    from docket.notifications.services import notify_for_events

    world = quiet_world
    relay_everything("notifications", notify_for_events)
    owner = world.access("owner")
    issue = Issue.objects.get(pk=world.eng_issue.pk)

    async def scenario():
        member = await signed_in(world.member)
        admin = await signed_in(world.admin)
        await _later(issue_update, access=owner, issue=issue, assignee_ids=[world.member.pk])
        await database_sync_to_async(relay_everything)("notifications", notify_for_events)
        assert await member.receive() == {
            "type": "notifications",
            "workspace_id": str(world.workspace.pk),
        }
        assert await admin.silent()
        await member.close()
        await admin.close()

    run(scenario())


@transactional
def test_a_batch_handed_over_again_after_a_crash_is_delivered_once(quiet_world):
    # The relay records its position after the consumer returns: a crash in between hands the
    # same batch to the consumer again.
    world = quiet_world
    owner = world.access("owner")

    async def scenario():
        member = await signed_in(world.member, ("acme", "ENG"))
        await _later(issue_update, access=owner, issue=world.eng_issue, title="Once")
        await _later(issue_update, access=owner, issue=world.eng_issue, title="Twice")
        batch = await database_sync_to_async(
            lambda: list(Event.objects.filter(subject_id=world.eng_issue.pk).order_by("-id")[:2])
        )()
        await database_sync_to_async(publish_events)(batch)
        await database_sync_to_async(publish_events)(batch)
        received = await member.drain()
        ids = [message["event"]["id"] for message in received if message["type"] == "event"]
        assert sorted(ids) == sorted(event.id for event in batch)
        await member.close()

    run(scenario())
