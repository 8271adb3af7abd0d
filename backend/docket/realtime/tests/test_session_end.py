"""Signing out or changing the password closes the person's sockets: nothing more reaches them."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from docket.accounts.services import session_end, session_start, user_change_password
from docket.issues.models import Issue
from docket.issues.services import issue_update
from docket.realtime.consumers import CLOSE_UNAUTHENTICATED
from docket.realtime.tests.sockets import relay, run, signed_in
from docket.testing.factories import TEST_PASSWORD

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)


def _later(func, /, **kwargs):
    return database_sync_to_async(lambda: func(**kwargs))()


@transactional
def test_signing_out_closes_the_persons_sockets_and_nothing_more_arrives(quiet_world):
    world = quiet_world
    tokens = session_start(email=world.member.email, password=TEST_PASSWORD)
    issue = Issue.objects.get(pk=world.eng_issue.pk)
    owner = world.access("owner")

    async def scenario():
        # Given the member's socket on the project, and an admin's
        member = await signed_in(world.member, ("acme", "ENG"))
        admin = await signed_in(world.admin, ("acme", "ENG"))

        # When the member signs out
        await _later(session_end, raw_token=tokens.refresh)

        # Then their socket is closed, and a later change reaches the admin only
        assert await member.receive() == {"type": "closed", "code": CLOSE_UNAUTHENTICATED}
        await _later(issue_update, access=owner, issue=issue, title="After")
        await relay()
        assert (await admin.receive())["type"] == "event"
        assert await member.silent()
        await admin.close()

    run(scenario())


@transactional
def test_changing_the_password_closes_the_persons_sockets(quiet_world):
    world = quiet_world

    async def scenario():
        member = await signed_in(world.member, ("acme", None))
        await _later(
            user_change_password,
            actor=world.member,
            current_password=TEST_PASSWORD,
            new_password="a-much-better-one-9",
        )
        assert await member.receive() == {"type": "closed", "code": CLOSE_UNAUTHENTICATED}

    run(scenario())


@transactional
def test_deactivating_an_account_closes_its_sockets_and_refuses_its_ticket(quiet_world):
    from docket.accounts.services import user_deactivate
    from docket.realtime.tests.sockets import Socket
    from docket.realtime.tickets import ticket_issue
    from docket.testing.factories import UserFactory

    world = quiet_world
    staff = UserFactory(is_staff=True)

    async def scenario():
        # Given the member's open socket, and a ticket they asked for a moment ago
        member = await signed_in(world.member, ("acme", None))
        ticket = await database_sync_to_async(ticket_issue)(user_id=world.member.pk)

        # When staff deactivate the account
        await _later(user_deactivate, actor=staff, target=world.member)

        # Then the socket is closed, and the earlier ticket opens nothing
        assert await member.receive() == {"type": "closed", "code": CLOSE_UNAUTHENTICATED}
        late = Socket()
        assert (await late.open())[0]
        refused = await late.ask({"type": "auth", "ticket": ticket})
        assert refused["type"] in {"closed", "error"}
        if refused["type"] == "error":
            assert await late.receive() == {"type": "closed", "code": CLOSE_UNAUTHENTICATED}

    run(scenario())
