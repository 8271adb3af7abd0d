"""PostgreSQL crashes and comes back (`-m immediate`, as a power cut): while it is down the API
answers 503 problem+json with Retry-After, never 500; once it is back, no request fails on a
dead pooled connection. Against a live server on the pool, and a cluster of the test's own."""

import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.db import connections
from rest_framework_simplejwt.tokens import AccessToken

from docket.testing.live import http_exchange, http_json, live_api
from docket.testing.private_postgres import PrivatePostgres

ISSUES = "/api/v1/workspaces/acme/projects/ENG/issues"
AFTER_RECOVERY = 20


@pytest.fixture
def private_postgres():
    # Not pytest's tmp_path: under root, PostgreSQL runs as `postgres`, who cannot enter it.
    with tempfile.TemporaryDirectory(prefix="docket-pg-") as directory:
        cluster = PrivatePostgres(Path(directory))
        cluster.init()
        try:
            yield cluster
        finally:
            cluster.stop()


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_503_during_the_outage_and_no_failure_after_the_restart(world, private_postgres):
    private_postgres.copy_database(connections["default"].settings_dict, "docket")
    url = private_postgres.url("docket")
    analytics = connections["analytics"].settings_dict
    env = {
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": url,
        "REPLICA_DATABASE_URL": url,
        "ANALYTICS_DATABASE_URL": (
            f"postgres://{analytics['USER']}@{analytics['HOST']}:{analytics['PORT']}/"
            f"{analytics['NAME']}"
        ),
        "DB_POOL_TIMEOUT_SECONDS": "2",
    }
    auth: dict[str, Any] = {"Authorization": f"Bearer {AccessToken.for_user(world.member)}"}
    with live_api(env) as base:
        # Given pooled connections, opened before the crash
        assert [http_json(base, "GET", ISSUES, **auth)[0] for _ in range(3)] == [200] * 3

        # When the database crashes, requests are told to come back
        private_postgres.stop("immediate")
        outage = [
            http_exchange(base, "GET", ISSUES, **auth),
            http_exchange(base, "POST", ISSUES, body={"title": "While down"}, **auth),
        ]
        assert [status for status, _, _ in outage] == [503, 503], outage
        assert {body["code"] for _, _, body in outage} == {"database_unavailable"}
        assert {headers["Retry-After"] for _, headers, _ in outage} == {"5"}

        # Then, once it is back, every request is answered
        private_postgres.start()
        after: list[int] = []
        for _ in range(AFTER_RECOVERY // 2):
            after.append(http_json(base, "GET", ISSUES, **auth)[0])
            after.append(http_json(base, "POST", ISSUES, body={"title": "After"}, **auth)[0])
    assert after == [200, 201] * (AFTER_RECOVERY // 2)
