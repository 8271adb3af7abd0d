"""The chaos suite's core promise under load (bench/chaos.py runs the whole of it, `make chaos`):
while a write load runs (issues and comments, keyed with the SDK's retries and unkeyed), the API's
only worker is killed with SIGKILL mid-load; gunicorn's master starts another. Every acknowledged
write is in the database, no keyed POST created twice, and nothing answers 500, during or after.
Same load and checks as the suite (docket.testing.chaos), so the two cannot drift apart."""

import os
import signal
import time
from typing import Any

import pytest
from django.conf import settings
from rest_framework_simplejwt.tokens import AccessToken

from docket.testing.chaos import Target, WriteLoad, gunicorn_workers, stored
from docket.testing.live import live_server
from docket.testing.worker import wait_for


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_nothing_acknowledged_is_lost_when_an_api_worker_is_killed_under_load(world):
    env = {"SECRET_KEY": settings.SECRET_KEY, "RATE_LIMIT_ENABLED": "false"}
    with live_server(env, gunicorn=True) as server:
        target = Target(
            server.base, str(AccessToken.for_user(world.member)), "acme", "ENG",
            str(world.owner.pk),
        )  # fmt: skip
        with WriteLoad(target, "chaos-api", retry_budget=30) as load:
            # Given writes answered before the crash
            wait_for(lambda: len(load.ledger.acknowledged()) >= 6, seconds=30, what="writes")
            (worker,) = gunicorn_workers(server.process.pid)

            # When the worker is killed with requests in flight
            os.kill(worker, signal.SIGKILL)
            killed = time.monotonic()

            # Then a new worker answers, and the load goes on
            wait_for(
                lambda: load.ledger.first_acknowledged_after(killed) is not None,
                seconds=60, what="a write answered after the crash",
            )  # fmt: skip
            time.sleep(1)
        ledger = load.stop()

    found = stored(ledger, "chaos-api")
    outcomes: dict[str, Any] = {
        "lost": found.lost,
        "keyed created twice": found.keyed_duplicated,
        "500s": ledger.errors()[500],
    }
    assert outcomes == {"lost": [], "keyed created twice": [], "500s": 0}
    assert found.acknowledged >= 6
