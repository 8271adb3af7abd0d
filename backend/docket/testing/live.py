"""A live API server for tests: uvicorn running the ASGI app against the test database."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email.message import Message
from typing import Any

from django.db import connection

from docket.testing.worker import BACKEND, replica_url


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def http_request(base: str, method: str, path: str, body: bytes | None = None, **headers) -> int:
    """The status of one request (4xx and 5xx included)."""
    url = base + path  # always http://127.0.0.1:<port>
    request = urllib.request.Request(url, data=body, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def http_exchange(
    base: str, method: str, path: str, *, body: Any = None, **headers: Any
) -> tuple[int, Message, Any]:
    """The status, headers and decoded body (JSON, else text) of one request, 4xx and 5xx
    included."""
    data = json.dumps(body).encode() if body is not None else None
    if data is not None:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            raw, answer_headers, status = response.read(), response.headers, response.status
    except urllib.error.HTTPError as error:
        raw, answer_headers, status = error.read(), error.headers, error.code
    is_json = answer_headers.get_content_type().endswith("json") and raw
    return status, answer_headers, json.loads(raw) if is_json else raw.decode()


def http_json(
    base: str, method: str, path: str, *, body: Any = None, **headers: Any
) -> tuple[int, Any]:
    """The status and the decoded body of one request (http_exchange)."""
    status, _, decoded = http_exchange(base, method, path, body=body, **headers)
    return status, decoded


@dataclass(frozen=True)
class LiveServer:
    base: str
    # The server's process: uvicorn itself, or gunicorn's master (its workers are its children).
    process: subprocess.Popen[bytes]


@contextmanager
def live_api(env: dict[str, str], *uvicorn_args: str, gunicorn: bool = False) -> Iterator[str]:
    """Serve the API (local settings, the test database) and yield its base URL: with uvicorn
    as `make run` does, or with gunicorn and its config as the image does (`gunicorn=True`)."""
    with live_server(env, *uvicorn_args, gunicorn=gunicorn) as server:
        yield server.base


@contextmanager
def live_server(
    env: dict[str, str], *uvicorn_args: str, gunicorn: bool = False
) -> Iterator[LiveServer]:
    """live_api, yielding the server's process too (to kill a worker of it)."""
    db = connection.settings_dict
    port = free_port()
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        # Reads where this test process reads: the primary itself, or the standby under test.
        "REPLICA_DATABASE_URL": replica_url(),
        "RELAY_ON_COMMIT": "false",
        "LOG_LEVEL": "CRITICAL",
        **env,
    }
    command = [sys.executable, "-m", "uvicorn", "config.asgi:application", "--port", str(port),
               *uvicorn_args]  # fmt: skip
    if gunicorn:
        command = [sys.executable, "-m", "gunicorn", "-c", "config/gunicorn.conf.py"]
        environment.update(BIND=f"127.0.0.1:{port}", WEB_CONCURRENCY="1")
    server = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        command,
        cwd=BACKEND, env=environment, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if http_request(base, "GET", "/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield LiveServer(base, server)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
