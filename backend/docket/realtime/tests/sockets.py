"""A websocket client for tests: the real ASGI application (Origin check, router, consumer) on
the real Redis channel layer, driven in-process through asgiref's communicator (Channels' own
test helpers need Daphne, which nothing else here uses)."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from asgiref.testing import ApplicationCommunicator
from channels.db import database_sync_to_async

from config.asgi import application
from docket.realtime.fanout import publish_events
from docket.realtime.tickets import ticket_issue
from docket.testing.relay import relay_everything

SPA_ORIGIN = b"http://localhost:5173"
# Long enough for a busy CI machine; the assertions are about what arrives, not how fast.
TIMEOUT = 10


class Socket:
    def __init__(
        self,
        path: str = "/ws/v1/",
        origin: bytes | None = SPA_ORIGIN,
        client: tuple[str, int] | None = None,
    ) -> None:
        headers = [(b"origin", origin)] if origin is not None else []
        scope: dict[str, Any] = {
            "type": "websocket",
            "path": path,
            "query_string": b"",
            "headers": headers,
        }
        if client is not None:
            scope["client"] = client
        self.communicator = ApplicationCommunicator(application, scope)

    async def open(self) -> tuple[bool, int | None]:
        """(True, None) when accepted; (False, close code) when refused at the handshake."""
        await self.communicator.send_input({"type": "websocket.connect"})
        answer = await self.communicator.receive_output(timeout=TIMEOUT)
        if answer["type"] == "websocket.close":
            return False, answer.get("code", 1000)
        return True, None

    async def send(self, message: Any) -> None:
        text = message if isinstance(message, str) else json.dumps(message)
        await self.communicator.send_input({"type": "websocket.receive", "text": text})

    async def send_bytes(self, data: bytes) -> None:
        await self.communicator.send_input({"type": "websocket.receive", "bytes": data})

    async def receive(self) -> dict[str, Any]:
        output = await self.communicator.receive_output(timeout=TIMEOUT)
        if output["type"] == "websocket.close":
            return {"type": "closed", "code": output.get("code")}
        return json.loads(output["text"])

    async def ask(self, message: Any) -> dict[str, Any]:
        await self.send(message)
        return await self.receive()

    async def silent(self, seconds: float = 0.3) -> bool:
        """Nothing arrives within `seconds` (after which nothing that was sent can be pending:
        the relay call that published has returned before this is asked)."""
        return await self.communicator.receive_nothing(timeout=seconds)

    async def drain(self, quiet: float = 0.5) -> list[dict[str, Any]]:
        """Everything that arrives until nothing more does for `quiet` seconds."""
        received = []
        while not await self.communicator.receive_nothing(timeout=quiet):
            received.append(await self.receive())
        return received

    async def close(self) -> None:
        await self.communicator.send_input({"type": "websocket.disconnect", "code": 1000})
        await self.communicator.wait(timeout=TIMEOUT)

    async def sign_in(self, user: Any) -> dict[str, Any]:
        ticket = await database_sync_to_async(ticket_issue)(user_id=user.pk)
        connected, _ = await self.open()
        assert connected
        return await self.ask({"type": "auth", "ticket": ticket})

    async def subscribe(self, workspace: str, project: str | None = None) -> dict[str, Any]:
        message = {"type": "subscribe", "workspace": workspace}
        if project:
            message["project"] = project
        return await self.ask(message)


async def signed_in(user: Any, *topics: tuple[str, str | None]) -> Socket:
    socket = Socket()
    ready = await socket.sign_in(user)
    assert ready["type"] == "ready", ready
    for workspace, project in topics:
        answer = await socket.subscribe(workspace, project)
        assert answer["type"] == "subscribed", answer
    return socket


async def relay() -> int:
    """The realtime consumer's relay, until every committed event is handed over."""
    return await database_sync_to_async(relay_everything)("realtime", publish_events)


def run(scenario: Any) -> Any:
    return asyncio.run(scenario)
