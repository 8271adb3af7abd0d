"""Request body limits enforced in front of Django, before any byte of the body is stored.

Django's ASGI handler reads the whole body into a spooled temporary file (on disk past
FILE_UPLOAD_MAX_MEMORY_SIZE) before the view, its parser or any check runs; and a chunked body,
having no Content-Length, then reads as empty. This layer sits around the Django application:

- a declared Content-Length over API_MAX_BODY_BYTES is answered 413 at once, the body unread;
- a body without Content-Length (chunked) is read into memory up to the limit and answered 413
  the moment it passes it; under the limit it is handed on whole, with its Content-Length, so
  Django reads what was sent.

The 413 closes the connection (the unread rest of the body is never drained).
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from docket.http.problems import PROBLEM_CONTENT_TYPE, problem_body

Scope = dict[str, Any]
Message = Mapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
# Django's handler and Channels' router differ in their exact annotations; both are ASGI apps.
ASGIApp = Callable[[Any, Any, Any], Awaitable[None]]


class RequestBodyLimit:
    """ASGI middleware: HTTP request bodies over `max_body_bytes` are refused before any work."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared: bytes | None = None
        chunked = False
        for name, value in scope["headers"]:
            if name == b"content-length":
                declared = value
            elif name == b"transfer-encoding":
                chunked = True
        if declared is not None and not chunked:
            if not declared.strip().isdigit():
                await _refuse(send, 400, "bad_request", "Bad request", "Invalid Content-Length.")
            elif int(declared) > self.max_body_bytes:
                await self._refuse_too_large(send)
            else:
                await self.app(scope, receive, send)
            return
        await self._buffer_then_call(scope, receive, send, chunked=chunked)

    async def _buffer_then_call(
        self, scope: Scope, receive: Receive, send: Send, *, chunked: bool
    ) -> None:
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return  # the client went away before its body was complete
            body += message.get("body", b"")
            if len(body) > self.max_body_bytes:
                await self._refuse_too_large(send)
                return
            if not message.get("more_body", False):
                break
        if chunked or body:
            headers = [(n, v) for n, v in scope["headers"] if n != b"transfer-encoding"]
            headers.append((b"content-length", str(len(body)).encode()))
            scope = {**scope, "headers": headers}
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": bytes(body), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _refuse_too_large(self, send: Send) -> None:
        await _refuse(
            send,
            413,
            "request_too_large",
            "Request too large",
            f"The request body is larger than the limit of {self.max_body_bytes} bytes.",
        )


async def _refuse(send: Send, status: int, code: str, title: str, detail: str) -> None:
    payload = json.dumps(
        problem_body(status_code=status, code=code, title=title, detail=detail)
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", PROBLEM_CONTENT_TYPE.encode()),
                (b"content-length", str(len(payload)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})
