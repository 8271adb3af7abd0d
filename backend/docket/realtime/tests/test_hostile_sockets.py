"""What an unauthenticated or abusive client can make a socket cost: frames, sockets, messages.

The frame limit is the server's (uvicorn under gunicorn, as production serves), so it is checked
against a live server with a real websocket client over loopback; the rest in-process.
"""

from __future__ import annotations

import asyncio

import pytest
from django.conf import settings
from django.test import override_settings
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from docket.realtime.consumers import (
    CLOSE_RATE_LIMITED,
    CLOSE_TOO_MANY_SOCKETS,
    CLOSE_UNAUTHENTICATED,
)
from docket.realtime.tests.sockets import Socket, run, signed_in
from docket.testing.live import live_api

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)
NESTED = "[" * 2000 + "]" * 2000  # 4,000 characters: within the message limit


@transactional
def test_a_frame_over_the_limit_is_refused_before_authentication(quiet_world):
    # Given the API served as in production (gunicorn, its uvicorn worker and config)
    env = {"SECRET_KEY": settings.SECRET_KEY}
    with live_api(env, gunicorn=True) as base:
        url = base.replace("http://", "ws://") + "/ws/v1/"

        async def scenario() -> int | None:
            async with connect(url, max_size=None, open_timeout=30) as socket:
                # When a client sends a 1 MiB frame without a ticket
                await socket.send("x" * (1024 * 1024))
                # Then the server closes the socket with "message too big"
                with pytest.raises(ConnectionClosed):
                    await asyncio.wait_for(socket.recv(), timeout=10)
                return socket.close_code

        assert asyncio.run(scenario()) == 1009


@transactional
@override_settings(REALTIME_MAX_UNAUTHENTICATED_PER_ADDRESS=3)
def test_one_address_holds_only_a_few_unauthenticated_sockets(quiet_world):
    async def scenario():
        # Given three sockets from one IPv6 /64 (different hosts in it), none authenticated
        waiting = [Socket(client=(f"2001:db8:1:2::{n}", 50000 + n)) for n in range(3)]
        for socket in waiting:
            assert await socket.open() == (True, None)

        # Then a fourth from the same /64 is refused at the handshake, another address is not
        assert await Socket(client=("2001:db8:1:2::99", 1)).open() == (
            False,
            CLOSE_TOO_MANY_SOCKETS,
        )
        other = Socket(client=("2001:db8:1:3::1", 1))
        assert await other.open() == (True, None)

        # And once one of them signs in, its place is free again
        ticket_holder = waiting[0]
        from channels.db import database_sync_to_async

        from docket.realtime.tickets import ticket_issue

        ticket = await database_sync_to_async(ticket_issue)(user_id=quiet_world.member.pk)
        assert (await ticket_holder.ask({"type": "auth", "ticket": ticket}))["type"] == "ready"
        assert await Socket(client=("2001:db8:1:2::98", 1)).open() == (True, None)
        for socket in [*waiting, other]:
            await socket.close()

    run(scenario())


@transactional
@override_settings(REALTIME_MESSAGE_BURST=20, REALTIME_MESSAGES_PER_SECOND=1)
def test_a_flood_of_messages_closes_the_socket(quiet_world):
    async def scenario():
        socket = await signed_in(quiet_world.member)  # the auth message counts too
        answers = []
        for _ in range(100):
            await socket.send({"type": "ping"})
        for _ in range(100):
            answer = await socket.receive()
            answers.append(answer)
            if answer["type"] == "closed":
                break
        assert answers[-1] == {"type": "closed", "code": CLOSE_RATE_LIMITED}
        assert sum(answer["type"] == "pong" for answer in answers) <= 20

    run(scenario())


@transactional
def test_deeply_nested_json_is_an_error_not_a_crash(quiet_world):
    async def scenario():
        # Given a signed-in socket: the frame is answered with an error, the socket stays usable
        socket = await signed_in(quiet_world.member)
        reply = await socket.ask(NESTED)
        assert (reply["type"], reply["code"]) == ("error", "invalid_json")
        assert (await socket.ask('{"type": "ping", "ref": ' + NESTED + "}"))["code"] == (
            "invalid_json"
        )
        assert (await socket.ask({"type": "ping"}))["type"] == "pong"
        await socket.close()

        # And before authentication any malformed frame ends the socket cleanly
        stranger = Socket()
        await stranger.open()
        assert await stranger.ask(NESTED) == {"type": "closed", "code": CLOSE_UNAUTHENTICATED}

    run(scenario())
