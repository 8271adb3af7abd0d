"""Commit to socket through the real path: the commit asks for a relay, a real Celery worker
process relays, the fan-out publishes on Redis, the socket hears it."""

from __future__ import annotations

import threading

import pytest
from channels.db import database_sync_to_async
from django.db import connections, transaction
from django.test import override_settings

from docket.issues.models import Issue
from docket.issues.services import issue_update
from docket.realtime.tests.sockets import run, signed_in

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)
# Generous for a busy CI machine; beat (the 5-second safety net) does not run in tests, so an
# event reaches the socket only through the after-commit relay and its follow-ups.
DELIVERY_SECONDS = 15


def _later(func, /, **kwargs):
    return database_sync_to_async(lambda: func(**kwargs))()


async def _next_event(socket) -> dict:
    while True:
        message = await socket.receive()
        if message["type"] == "event":
            return message


@transactional
@override_settings(RELAY_ON_COMMIT=True)
def test_a_committed_change_reaches_subscribers_and_the_assignees_badge(quiet_world, worker):
    world = quiet_world
    owner = world.access("owner")
    issue = Issue.objects.get(pk=world.eng_issue.pk)

    async def scenario():
        member = await signed_in(world.member, ("acme", "ENG"))
        admin = await signed_in(world.admin, ("acme", "ENG"))
        await _later(issue_update, access=owner, issue=issue, assignee_ids=[world.member.pk])
        got: dict[str, dict] = {}
        while set(got) != {"event", "notifications"}:
            message = await member.receive()
            got.setdefault(message["type"], message)
        assert got["event"]["event"]["fields"] == ["assignees"]
        assert got["notifications"] == {
            "type": "notifications",
            "workspace_id": str(world.workspace.pk),
        }
        # The admin sees the change too, but has no notification for it
        admin_saw = [m for m in await admin.drain(quiet=1.0) if m["type"] == "notifications"]
        assert admin_saw == []
        await member.close()
        await admin.close()

    run(scenario())


@transactional
@override_settings(RELAY_ON_COMMIT=True)
def test_an_event_held_back_by_an_older_transaction_arrives_without_beat(quiet_world, worker):
    """An open transaction that records no event holds the commit horizon below a committed
    event; its own commit asks for no relay. The relay that found the event waiting schedules
    follow-ups, so the event arrives once the old transaction ends, not at beat's next tick."""
    world = quiet_world
    owner = world.access("owner")
    issue = Issue.objects.get(pk=world.eng_issue.pk)
    holding, release = threading.Event(), threading.Event()

    def old_transaction() -> None:
        try:
            with transaction.atomic(), connections["default"].cursor() as cursor:
                cursor.execute("SELECT pg_current_xact_id()")  # takes a transaction id
                holding.set()
                release.wait(60)
        finally:
            connections.close_all()

    async def scenario():
        member = await signed_in(world.member, ("acme", "ENG"))
        thread = threading.Thread(target=old_transaction)
        thread.start()
        holding.wait(10)
        await _later(issue_update, access=owner, issue=issue, title="Held back")
        # While the old transaction is open, the event cannot be relayed
        assert await member.silent(1.0)
        release.set()
        thread.join(10)
        event = (await _next_event(member))["event"]
        assert (event["name"], event["fields"]) == ("issue.updated", ["title"])
        await member.close()

    run(scenario())
