"""No request of any shape strands a pooled database connection.

A live server (uvicorn, the ASGI app, DEBUG on, a pool of two connections) takes a burst of
hostile requests; a write must then still get a connection at once. Before the fix, about ten
requests echoing a lone surrogate left the pool empty and every write waited out its timeout.
"""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from django.conf import settings
from django.db import connection
from rest_framework_simplejwt.tokens import AccessToken

from docket.testing.worker import BACKEND

POOL_SIZE = 2


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _request(base: str, method: str, path: str, body: bytes | None = None, **headers) -> int:
    url = base + path  # always http://127.0.0.1:<port>
    request = urllib.request.Request(url, data=body, method=method, headers=headers)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - localhost
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.fixture
def live_server_with_pool():
    db = connection.settings_dict
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DEBUG": "true",
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "DB_POOL_MAX_SIZE": str(POOL_SIZE),
        "RELAY_ON_COMMIT": "false",
        "LOG_LEVEL": "CRITICAL",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "config.asgi:application", "--port", str(port)],
        cwd=BACKEND,
        env=env,
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if _request(base, "GET", "/healthz") == 200:
                    break
            except OSError:
                time.sleep(0.2)
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)


@pytest.mark.django_db(transaction=True, databases=["default", "replica"])
def test_a_burst_of_hostile_requests_leaves_the_pool_whole(world, live_server_with_pool):
    base = live_server_with_pool
    token = {"Authorization": f"Bearer {AccessToken.for_user(world.member)}"}
    json_headers = {**token, "Content-Type": "application/json"}
    issues = "/api/v1/workspaces/acme/projects/ENG/issues"
    hostile = [
        ("POST", issues, b'{"title": "x", "priority": "\\ud800"}', json_headers),
        ("POST", issues, b'{"title": "x", "\\ud800": 1}', json_headers),
        ("POST", issues, b'{"title": ', json_headers),
        ("GET", issues + "?label=%25", None, token),
        ("GET", issues + "?ordering=%ED%A0%80", None, token),
        ("GET", "/api/v1/workspaces/acme/issues?q=" + "-" * 40, None, token),
        ("GET", "/no-such-page", None, {}),
        ("GET", "/api/v1/workspaces", None, {**token, "Host": "evil.example"}),
        ("POST", "/api/v1/no-such-endpoint/", b"{}", json_headers),
    ]

    # When the burst arrives (each shape several times: more than the pool has connections)
    statuses = [
        _request(base, method, path, body, **headers)
        for _ in range(3)
        for method, path, body, headers in hostile
    ]

    # Then no answer was a 5xx, and a write gets a connection at once
    assert all(status < 500 for status in statuses), statuses
    started = time.monotonic()
    created = _request(base, "POST", issues, b'{"title": "Still alive"}', **json_headers)
    assert created == 201
    assert time.monotonic() - started < 5  # a leaked pool would wait out its 10 s timeout
