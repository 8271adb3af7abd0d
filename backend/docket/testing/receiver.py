"""A real HTTP server on localhost standing in for an integrator's webhook receiver.

It records every request, answers with the statuses it is told to (200 once those run out), and
can hold a request without answering until released (a delivery in flight, to kill a worker
during it), answer each request only after a pause (a slow receiver), or drip its answer's
headers a byte at a time (a receiver that would hold a sender for ever).
"""

from __future__ import annotations

import json
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

# What a test that sends to a Receiver allows (WEBHOOK_DEVELOPMENT_RECEIVERS).
LOOPBACK = ["127.0.0.0/8", "::1/128"]


@dataclass(frozen=True)
class Received:
    headers: dict[str, str]
    body: bytes
    answered: int
    # time.monotonic() when the request arrived.
    at: float = field(default_factory=time.monotonic)

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]


@dataclass
class Receiver:
    received: list[Received] = field(default_factory=list)
    answers: deque[int] = field(default_factory=deque)
    # When set, the next request is recorded, then waits (`holding` set) until `release` is set.
    hold_next: bool = False
    holding: threading.Event = field(default_factory=threading.Event)
    release: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)
    url: str = ""
    # Seconds every answer waits before it starts (a slow receiver).
    pause_seconds: float = 0.0
    # When set, answers send their headers one byte every this many seconds, never finishing.
    drip_seconds: float | None = None

    def answer(self, *statuses: int) -> None:
        with self.lock:
            self.answers.extend(statuses)

    def wait_for(self, count: int, *, seconds: float = 60) -> list[Received]:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            with self.lock:
                if len(self.received) >= count:
                    return list(self.received)
            time.sleep(0.05)
        raise AssertionError(f"the receiver got {len(self.received)} requests, not {count}")

    def _take(self, headers: dict[str, str], body: bytes) -> tuple[int, bool]:
        with self.lock:
            status = self.answers.popleft() if self.answers else 200
            hold, self.hold_next = self.hold_next, False
            # A held request is recorded too (answered 0: never answered), so a test sees it
            # arrive again after the sender died.
            self.received.append(
                Received(headers=headers, body=body, answered=0 if hold else status)
            )
        return status, hold


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = self.rfile.read(length)
            headers = {name.lower(): value for name, value in self.headers.items()}
            status, hold = receiver._take(headers, body)
            if hold:
                # Never answered: the sender is killed while it waits here.
                receiver.holding.set()
                receiver.release.wait(120)
                return
            if receiver.drip_seconds is not None:
                self._drip(receiver.drip_seconds)
                return
            if receiver.pause_seconds:
                time.sleep(receiver.pause_seconds)
            payload = b'{"ok":true}'
            self.send_response(status)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def _drip(self, seconds: float) -> None:
            self.wfile.write(b"HTTP/1.1 200 OK\r\n")
            self.wfile.flush()
            try:
                for _ in range(int(120 / seconds)):
                    if receiver.release.wait(seconds):
                        return
                    self.wfile.write(b"x")  # a header name that never ends
                    self.wfile.flush()
            except OSError:
                return  # the sender gave up and closed the connection

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


class ReceiverServer:
    """`with ReceiverServer() as receiver:` serves on a free port until the block ends."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.receiver = Receiver()
        self._server = ThreadingHTTPServer((host, 0), _handler(self.receiver))
        self._server.daemon_threads = True
        self.receiver.url = f"http://{host}:{self._server.server_address[1]}/hooks/docket"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> Receiver:
        self._thread.start()
        return self.receiver

    def __exit__(self, *exc: object) -> None:
        self.receiver.release.set()
        self._server.shutdown()
        self._server.server_close()
