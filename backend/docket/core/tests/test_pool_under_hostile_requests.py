"""No request of any shape strands a pooled database connection.

A live server (uvicorn, the ASGI app, DEBUG on, a pool of two connections) takes a burst of
hostile requests; a write must then still get a connection at once. Before the fix, about ten
requests echoing a lone surrogate left the pool empty and every write waited out its timeout.
"""

import time

import pytest
from django.conf import settings
from rest_framework_simplejwt.tokens import AccessToken

from docket.testing.live import http_request, live_api

POOL_SIZE = 2


@pytest.fixture
def live_server_with_pool():
    env = {"DEBUG": "true", "SECRET_KEY": settings.SECRET_KEY, "DB_POOL_MAX_SIZE": str(POOL_SIZE)}
    with live_api(env) as base:
        yield base


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
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
        http_request(base, method, path, body, **headers)
        for _ in range(3)
        for method, path, body, headers in hostile
    ]

    # Then no answer was a 5xx, and a write gets a connection at once
    assert all(status < 500 for status in statuses), statuses
    started = time.monotonic()
    created = http_request(base, "POST", issues, b'{"title": "Still alive"}', **json_headers)
    assert created == 201
    assert time.monotonic() - started < 5  # a leaked pool would wait out its 10 s timeout
