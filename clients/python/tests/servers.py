"""Local stand-ins for the world between an integration and Docket (tests only).

`FlakyProxy` sits in front of the live server and misbehaves as a test scripts it: answer 503 or
429 itself, or forward a request and then lose the answer (a gateway timing out after the server
did the work). Every request it sees is recorded, headers included.

`WebhookReceiver` is an integration's webhook endpoint: it records every delivery and answers
200; it can be stopped (the integration offline) and started again on the same port.
"""

from __future__ import annotations

import http.client
import json
import threading
from collections import deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from urllib.parse import urlsplit

# What the proxy does with the next request: "pass" forwards it, "lose" forwards it and answers
# 503 instead of the server's answer, an int answers that status itself (no forwarding), and
# (status, code) answers a problem+json with that status and code itself.
Action = str | int | tuple[int, str]

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "host", "content-length"}


@dataclass(frozen=True)
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    answered: int


@dataclass
class FlakyProxy:
    upstream: str
    retry_after: str | None = None
    script: deque[Action] = field(default_factory=deque)
    seen: list[Seen] = field(default_factory=list)

    def __post_init__(self) -> None:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                action: Action = proxy.script.popleft() if proxy.script else "pass"
                if isinstance(action, tuple):
                    status, code = action
                    problem = {
                        "type": f"urn:docket:problem:{code}",
                        "title": code,
                        "status": status,
                        "code": code,
                        "detail": f"{code} (from the test proxy)",
                        "errors": [],
                    }
                    headers = {"Content-Type": "application/problem+json"}
                    content = json.dumps(problem).encode()
                elif isinstance(action, int):
                    status, headers, content = action, {}, b""
                    if proxy.retry_after is not None:
                        headers["Retry-After"] = proxy.retry_after
                else:
                    status, headers, content = proxy.forward(self, body)
                    if action == "lose":
                        status, headers, content = 503, {}, b""
                proxy.seen.append(
                    Seen(
                        self.command,
                        self.path,
                        {k.lower(): v for k, v in self.headers.items()},
                        status,
                    )
                )
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_HEAD = do_POST = do_PATCH = do_DELETE = do_PUT = _handle  # noqa: N815

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def forward(
        self, request: BaseHTTPRequestHandler, body: bytes
    ) -> tuple[int, dict[str, str], bytes]:
        target = urlsplit(self.upstream)
        connection = http.client.HTTPConnection(target.netloc, timeout=10)
        try:
            headers = {k: v for k, v in request.headers.items() if k.lower() not in _HOP_BY_HOP}
            connection.request(request.command, request.path, body=body or None, headers=headers)
            answer = connection.getresponse()
            content = answer.read()
            kept = {k: v for k, v in answer.getheaders() if k.lower() not in _HOP_BY_HOP}
            return answer.status, kept, content
        finally:
            connection.close()

    def __enter__(self) -> FlakyProxy:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


@dataclass(frozen=True)
class Delivery:
    headers: dict[str, str]
    body: bytes


class WebhookReceiver:
    def __init__(self) -> None:
        self.deliveries: list[Delivery] = []
        self.lock = threading.Lock()
        self.port = 0
        self._server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/docket-hooks"

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("content-length") or 0))
                headers = {name.lower(): value for name, value in self.headers.items()}
                with receiver.lock:
                    receiver.deliveries.append(Delivery(headers=headers, body=body))
                self.send_response(200)
                self.send_header("content-length", "0")
                self.end_headers()

        self._server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def received(self) -> list[Delivery]:
        with self.lock:
            return list(self.deliveries)
