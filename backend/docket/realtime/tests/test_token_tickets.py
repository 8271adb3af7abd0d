"""A personal access token opens a realtime socket: its ticket (scope `events:read`) confines the
socket to the token's workspace, and is refused once the token no longer authenticates."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async
from django.core.cache import cache
from rest_framework.test import APIClient

from docket.issues.services import issue_update
from docket.realtime.tests.sockets import Socket, relay, run
from docket.realtime.tickets import KEY, ticket_issue
from docket.testing.factories import MembershipFactory
from docket.workspaces.models import PersonalAccessToken, Role
from docket.workspaces.services import token_create

UNAUTHENTICATED = 4401
TICKET = "/api/v1/realtime/ticket"
transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)


def _bot(world, scopes):
    created = token_create(
        actor=world.member, workspace_slug="acme", name="bot", scopes=scopes, expires_at=None
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {created.secret}")
    return client, created.token


@transactional
def test_a_tokens_ticket_opens_a_socket_on_the_tokens_workspace_only(quiet_world):
    world = quiet_world
    # The member belongs to another workspace too; the token is for acme.
    MembershipFactory(workspace=world.other_workspace, user=world.member, role=Role.MEMBER)
    bot, _token = _bot(world, ["events:read"])

    response = bot.post(TICKET)

    assert response.status_code == 201, response.content
    ticket = response.json()["ticket"]

    async def scenario():
        socket = Socket()
        await socket.open()
        ready = await socket.ask({"type": "auth", "ticket": ticket})
        assert (ready["type"], ready["user_id"]) == ("ready", str(world.member.pk))
        other = await socket.subscribe(world.other_workspace.slug)
        assert other["code"] == "workspace_not_found"  # the owner's other workspace: not here
        assert (await socket.subscribe("acme", "ENG"))["type"] == "subscribed"
        await database_sync_to_async(
            lambda: issue_update(access=world.access("owner"), issue=world.eng_issue, title="Hi")
        )()
        await relay()
        message = await socket.receive()
        assert (message["type"], message["event"]["name"]) == ("event", "issue.updated")
        await socket.close()

    run(scenario())


@transactional
def test_a_token_without_events_read_gets_no_ticket(quiet_world):
    bot, _token = _bot(quiet_world, ["issues:read"])

    response = bot.post(TICKET)

    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_scope"


@transactional
def test_a_ticket_of_a_token_revoked_since_is_refused(quiet_world):
    bot, token = _bot(quiet_world, ["events:read"])
    ticket = bot.post(TICKET).json()["ticket"]
    PersonalAccessToken.objects.filter(pk=token.pk).update(revoked_at=token.created_at)

    async def scenario():
        socket = Socket()
        await socket.open()
        refused = await socket.ask({"type": "auth", "ticket": ticket})
        assert refused == {"type": "closed", "code": UNAUTHENTICATED}

    run(scenario())


@transactional
def test_a_ticket_the_previous_release_stored_still_opens_a_session_socket(quiet_world):
    # It stored the person's id alone; a rollout must not strand the tickets in flight.
    ticket = ticket_issue(user_id=quiet_world.member.pk)
    import hashlib

    cache.set(
        KEY.format(hashlib.sha256(ticket.encode()).hexdigest()), str(quiet_world.member.pk), 30
    )

    async def scenario():
        socket = Socket()
        await socket.open()
        ready = await socket.ask({"type": "auth", "ticket": ticket})
        assert ready["type"] == "ready"
        assert (await socket.subscribe("acme"))["type"] == "subscribed"
        await socket.close()

    run(scenario())
