"""The websocket side of the ASGI application: one endpoint, /ws/v1/, behind an Origin check.

Anything else is refused during the handshake with a close code (a client sees HTTP 403), never
an exception: the HTTP side answers unknown paths with problem+json in the same spirit.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from django.conf import settings

from docket.realtime.consumers import CLOSE_FORBIDDEN_ORIGIN, CLOSE_NOT_FOUND, RealtimeConsumer

PATH = "/ws/v1/"

realtime_consumer = RealtimeConsumer.as_asgi()


def _origin(scope: dict[str, Any]) -> str | None:
    for name, value in scope.get("headers", []):
        if name == b"origin":
            return value.decode("latin-1")
    return None


def origin_allowed(origin: str | None) -> bool:
    """Pages may open sockets only from the SPA's origins (the CORS list): a page elsewhere
    must not ride a user's session into a socket. Clients that are not browsers send no Origin
    and are let through: they still need a ticket, which only a signed-in caller can get."""
    if origin is None:
        return True
    parts = urlsplit(origin)
    normalized = f"{parts.scheme}://{parts.netloc}".lower()
    return normalized in {allowed.lower().rstrip("/") for allowed in settings.CORS_ALLOWED_ORIGINS}


async def _refuse(receive: Any, send: Any, code: int) -> None:
    message = await receive()
    if message["type"] == "websocket.connect":
        await send({"type": "websocket.close", "code": code})


async def websocket_application(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope.get("path") != PATH:
        await _refuse(receive, send, CLOSE_NOT_FOUND)
    elif not origin_allowed(_origin(scope)):
        await _refuse(receive, send, CLOSE_FORBIDDEN_ORIGIN)
    else:
        await realtime_consumer(scope, receive, send)
