"""Routing against the real streaming standby (`make services` starts it on :5433).

Replay is paused to make the standby visibly behind: a row changed on the primary then, and
read back unchanged, can only have come from the standby. Observed figures (catch-up time, lag)
are printed (`pytest -s`) and recorded as junit properties.
"""

from __future__ import annotations

import json
import time
import urllib.request
import uuid
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from django.db import connections
from django.test.utils import CaptureQueriesContext
from rest_framework_simplejwt.tokens import AccessToken

from docket.core import db_routers
from docket.core.db_routers import replica_health
from docket.issues.models import Issue
from docket.testing.live import free_port, http_request, live_api
from docket.testing.standby import Standby, data_reads, replica_pointed_at
from docket.testing.tasks import read_probe, read_probe_key
from docket.testing.worker import purge_queues, start_worker, stop_worker, wait_for
from docket.testing.world import World, build_world

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])

LIST = "/api/v1/workspaces/acme/issues"
DETAIL = "/api/v1/workspaces/acme/issues/ENG-1"


@pytest.fixture
def standby(settings) -> Iterator[Standby]:
    # Every read looks at the standby afresh; a paused standby still counts as fresh enough
    # unless a test lowers the threshold.
    settings.REPLICA_HEALTH_CHECK_SECONDS = 0
    settings.REPLICA_MAX_LAG_SECONDS = 60
    with Standby(connections["default"].settings_dict).serving_reads() as serving:
        yield serving


@pytest.fixture
def world(standby) -> World:
    built = build_world()
    standby.catch_up()
    db_routers.reset_pin()  # the test's own writes above must not pin what it reads next
    return built


def _get(client, url):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json(), len(data_reads(primary.captured_queries)), len(replica)


def _titles(listing) -> set[str]:
    return {issue["title"] for issue in listing["results"]}


def _change_title_on_the_primary(issue: Issue, title: str) -> None:
    Issue.objects.filter(pk=issue.pk).update(title=title)
    db_routers.reset_pin()


def test_the_standby_serves_list_and_detail_reads(standby, world, as_user, record_property):
    member = as_user(world.member)
    started = time.monotonic()
    _change_title_on_the_primary(world.eng_issue, "Replayed")
    catch_up = standby.catch_up()
    record_property("standby_catch_up_seconds", round(catch_up, 4))
    print(f"\nstandby caught up with a commit in {catch_up * 1000:.1f} ms")  # noqa: T201
    assert time.monotonic() - started < 5

    standby.pause_replay()
    _change_title_on_the_primary(world.eng_issue, "Not replayed yet")

    listing, on_primary, on_replica = _get(member, LIST)
    assert "Replayed" in _titles(listing)  # what the standby had, not what the primary has
    assert (on_primary, on_replica > 0) == (0, True)
    detail, on_primary, on_replica = _get(member, DETAIL)
    assert detail["title"] == "Replayed"
    assert (on_primary, on_replica > 0) == (0, True)
    with connections["replica"].cursor() as cursor:
        cursor.execute("SELECT inet_server_port(), pg_is_in_recovery()")
        assert cursor.fetchone() == (standby.port, True)

    standby.resume_replay()
    standby.catch_up()
    detail, _, _ = _get(member, DETAIL)
    assert detail["title"] == "Not replayed yet"


def test_a_writer_reads_its_own_write_while_replay_is_paused(standby, world, as_user):
    member, admin = as_user(world.member), as_user(world.admin)
    standby.pause_replay()

    response = admin.patch(DETAIL, {"title": "Written by the admin"}, format="json")
    assert response.status_code == 200, response.content

    detail, on_primary, on_replica = _get(admin, DETAIL)
    assert detail["title"] == "Written by the admin"
    assert on_replica == 0
    listing, _, on_replica = _get(admin, LIST)
    assert "Written by the admin" in _titles(listing)
    assert on_replica == 0
    # Someone else still reads the standby, which has not replayed the write.
    detail, on_primary, on_replica = _get(member, DETAIL)
    assert detail["title"] == "First ENG issue"
    assert on_primary == 0


def test_reads_go_to_the_primary_while_the_standby_lags_past_the_threshold(
    standby, world, as_user, settings, record_property
):
    settings.REPLICA_MAX_LAG_SECONDS = 0.5
    member = as_user(world.member)
    standby.pause_replay()
    _change_title_on_the_primary(world.eng_issue, "Behind on the standby")
    wait_for(lambda: standby.lag_seconds() > 0.5, seconds=10, what="the standby to lag")
    lag = standby.lag_seconds()
    record_property("standby_paused_lag_seconds", round(lag, 3))
    print(f"\nstandby lag with replay paused: {lag:.2f} s")  # noqa: T201

    detail, on_primary, on_replica = _get(member, DETAIL)
    assert detail["title"] == "Behind on the standby"
    assert (on_primary > 0, on_replica) == (True, 0)
    listing, _, on_replica = _get(member, LIST)
    assert "Behind on the standby" in _titles(listing)
    assert on_replica == 0
    assert (replica_health.state().lag_seconds or 0) >= 0.5

    standby.resume_replay()
    standby.catch_up()
    _, on_primary, on_replica = _get(member, DETAIL)
    assert (on_primary, on_replica > 0) == (0, True)
    assert replica_health.state().usable


def test_the_api_answers_from_the_primary_while_the_standby_is_down(
    standby, world, as_user, settings
):
    settings.REPLICA_RETRY_AFTER_SECONDS = 0.5
    member = as_user(world.member)
    with replica_pointed_at(free_port()):  # nothing listens there: a standby that is down
        for url in (LIST, DETAIL):
            # Only the primary is watched: watching `replica` would connect it.
            with CaptureQueriesContext(connections["default"]) as primary:
                response = member.get(url)
            assert response.status_code == 200, response.content
            assert len(primary) > 0
        assert not replica_health.state().usable
        assert connections["replica"].connection is None  # nothing half-open left behind

    # Back up: after the retry delay, reads return to it.
    time.sleep(0.6)
    _, on_primary, on_replica = _get(member, DETAIL)
    assert (on_primary, on_replica > 0) == (0, True)


def test_a_live_server_reads_from_the_standby_through_its_pool(standby, world, settings):
    # The ASGI server as deployed (a psycopg pool per process), its replica the standby.
    authorization = f"Bearer {AccessToken.for_user(world.member)}"
    with live_api({"SECRET_KEY": settings.SECRET_KEY, "REPLICA_MAX_LAG_SECONDS": "60"}) as base:
        standby.pause_replay()
        _change_title_on_the_primary(world.eng_issue, "Not replayed yet")
        request = urllib.request.Request(  # noqa: S310 - a local test server
            base + DETAIL, headers={"Authorization": authorization}
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            assert json.load(response)["title"] == "First ENG issue"


def test_a_live_server_answers_quickly_while_the_standby_is_down(standby, world, settings):
    # The ASGI server, with its connection pool: the dead standby costs one short probe, then
    # is left alone; every request answers from the primary.
    authorization = f"Bearer {AccessToken.for_user(world.member)}"
    db = connections["default"].settings_dict
    closed = f"postgres://{db['USER']}@127.0.0.1:{free_port()}/{db['NAME']}"
    env = {"SECRET_KEY": settings.SECRET_KEY, "REPLICA_DATABASE_URL": closed}
    with live_api(env) as base:
        for path in (LIST, DETAIL, LIST, DETAIL):
            started = time.monotonic()
            assert http_request(base, "GET", path, Authorization=authorization) == 200
            assert time.monotonic() - started < 3


# --- Celery tasks follow the same rules --------------------------------------------------------


def _probe(issue: Issue, **kwargs) -> dict:
    token = uuid.uuid4().hex
    read_probe.apply_async(kwargs={"token": token, "issue_id": str(issue.pk), **kwargs})
    key = read_probe_key(token)
    wait_for(lambda: cache.get(key) is not None, seconds=30, what="the read probe task")
    return cache.get(key)


@pytest.fixture
def standby_worker(standby):
    def start(**env: str):
        purge_queues()
        started.append(start_worker(env={"REPLICA_HEALTH_CHECK_SECONDS": "0", **env}))

    started: list = []
    yield start
    for worker in started:
        stop_worker(worker)


def test_a_task_reads_the_standby_until_it_writes_or_its_caller_wrote(
    standby, world, standby_worker
):
    standby_worker(REPLICA_MAX_LAG_SECONDS="60")
    standby.pause_replay()
    _change_title_on_the_primary(world.eng_issue, "Only on the primary")

    # Enqueued by a caller that did not write: the task reads the standby.
    seen = _probe(world.eng_issue)
    assert seen == {"title": "First ENG issue", "alias": "replica", "port": standby.port}
    # A task that writes reads its own write.
    seen = _probe(world.eng_issue, write_title="Written by the task")
    assert (seen["title"], seen["alias"]) == ("Written by the task", "default")
    # Enqueued by a caller pinned to the primary (it wrote): the task reads the primary too.
    with db_routers.pinned_to_primary():
        seen = _probe(world.eng_issue)
    assert (seen["title"], seen["alias"]) == ("Written by the task", "default")


def test_a_task_reads_the_primary_while_the_standby_lags(standby, world, standby_worker):
    standby_worker(REPLICA_MAX_LAG_SECONDS="0.5")
    standby.pause_replay()
    _change_title_on_the_primary(world.eng_issue, "Only on the primary")
    wait_for(lambda: standby.lag_seconds() > 0.5, seconds=10, what="the standby to lag")

    seen = _probe(world.eng_issue)
    assert (seen["title"], seen["alias"]) == ("Only on the primary", "default")


def test_a_task_reads_the_primary_while_the_standby_is_down(world, standby_worker):
    with replica_pointed_at(free_port()):
        standby_worker()  # its REPLICA_DATABASE_URL: the closed port
        seen = _probe(world.eng_issue)
    assert (seen["title"], seen["alias"]) == ("First ENG issue", "default")
