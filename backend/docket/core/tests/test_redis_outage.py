"""A Redis outage is not an API outage: with the API's Redis stopped, authenticated reads and
writes still answer 2xx (stickiness reads from the primary, throttles let requests through),
/readyz says `degraded`, the fallbacks are counted, and once Redis is back stickiness works
again. Against a live server and a Redis of the test's own, which it stops and starts."""

import time
from typing import Any

import pytest
from django.conf import settings
from rest_framework_simplejwt.tokens import AccessToken

from docket.core import cache_fallback
from docket.testing.live import http_json, live_api
from docket.testing.redis_server import PrivateRedis

ISSUES = "/api/v1/workspaces/acme/projects/ENG/issues"
METRICS_TOKEN = "redis-outage-metrics"


@pytest.fixture
def private_redis():
    server = PrivateRedis()
    server.start()
    yield server
    server.stop()


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_reads_and_writes_answer_while_redis_is_down_and_stickiness_comes_back(
    world, private_redis
):
    env = {
        "SECRET_KEY": settings.SECRET_KEY,
        "REDIS_URL": private_redis.url,
        "RATE_LIMIT_REDIS_URL": private_redis.url,
        "CACHE_RETRY_AFTER_SECONDS": "0.2",
        "METRICS_TOKEN": METRICS_TOKEN,
    }
    auth: dict[str, Any] = {"Authorization": f"Bearer {AccessToken.for_user(world.member)}"}
    sticky = f"*db-primary-sticky:{world.member.pk}"
    with live_api(env) as base:
        # Given a write with Redis up: it pins its user to the primary
        status, _ = http_json(base, "POST", ISSUES, body={"title": "before"}, **auth)
        assert status == 201
        assert private_redis.client().keys(sticky)

        # When Redis goes away
        private_redis.stop()

        # Then reads and writes still answer, and the write is readable at once
        answered = [http_json(base, "GET", ISSUES, **auth)[0] for _ in range(3)]
        created, issue = http_json(base, "POST", ISSUES, body={"title": "during"}, **auth)
        assert (answered, created) == ([200, 200, 200], 201), issue
        read, again = http_json(
            base, "GET", f"/api/v1/workspaces/acme/issues/{issue['key']}", **auth
        )
        assert (read, again["title"]) == (200, "during")
        ready, readiness = http_json(base, "GET", "/readyz")
        degraded = {"status": "degraded", "checks": {"database": "ok", "redis": "failed"}}
        assert (ready, readiness) == (200, degraded)
        metrics = http_json(base, "GET", "/metrics", Authorization=f"Bearer {METRICS_TOKEN}")[1]
        fallbacks = [
            line for line in metrics.splitlines() if line.startswith("docket_redis_fallbacks_total")
        ]
        assert any('use="sticky_read"' in line for line in fallbacks), fallbacks
        assert any('use="sticky_write"' in line for line in fallbacks), fallbacks

        # When it is back (empty, as after a crash), a write pins its user again
        private_redis.start()
        time.sleep(0.5)  # past CACHE_RETRY_AFTER_SECONDS
        status, _ = http_json(base, "POST", ISSUES, body={"title": "after"}, **auth)
        assert status == 201
        assert private_redis.client().keys(sticky)
        assert http_json(base, "GET", "/readyz")[1]["status"] == "ok"


@pytest.fixture
def redis_unreachable(settings):
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:1/0"}
    }
    yield
    cache_fallback.forget_failures()


@pytest.mark.django_db(databases=["default", "replica", "analytics"])
def test_a_websocket_ticket_is_a_503_with_retry_after_while_redis_is_down(
    world, as_user, redis_unreachable
):
    # A ticket nobody could redeem is worth nothing: the caller is told to come back.
    response = as_user(world.member).post("/api/v1/realtime/ticket")

    assert response.status_code == 503, response.content
    assert (response.json()["code"], response["Retry-After"]) == ("cache_unavailable", "5")
    # The sign-in throttles let requests through meanwhile.
    assert as_user(world.member).get("/api/v1/workspaces").status_code == 200
