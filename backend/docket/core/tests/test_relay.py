"""The outbox relay with a real Celery worker process on real Redis and PostgreSQL.

The worker runs the test settings against the test database; the probe consumer
(relay_probe.py) records in Redis what it was handed.
"""

from __future__ import annotations

import signal
import threading

import pytest
from django.db import connections
from django.test import override_settings

from docket.core.models import ConsumerPosition, Event
from docket.core.relay import current_horizon, events_waiting_on_horizon
from docket.core.tasks import relay_events
from docket.core.tests import relay_probe
from docket.projects.services import label_create, project_create
from docket.testing.factories import MembershipFactory
from docket.testing.worker import start_worker, stop_worker, wait_for
from docket.testing.world import access_of
from docket.workspaces.models import Role

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)


def _make_changes(access, project, count: int, *, threads: int = 4) -> None:
    """`count` label creations from several connections at once, each its own commit."""

    def create(n: int) -> None:
        try:
            label_create(access=access, project=project, name=f"l{n}", color="#000000")
        finally:
            connections.close_all()

    for start in range(0, count, threads):
        batch = [
            threading.Thread(target=create, args=(n,))
            for n in range(start, min(count, start + threads))
        ]
        for thread in batch:
            thread.start()
        for thread in batch:
            thread.join(30)


def _all_ids() -> list[int]:
    return list(Event.objects.order_by("id").values_list("id", flat=True))


@transactional
@override_settings(RELAY_ON_COMMIT=True)
def test_every_commit_reaches_the_consumer_once(worker):
    # Given a worker, and changes committed concurrently (each commit asks for a relay)
    access = access_of(MembershipFactory(role=Role.OWNER))
    project = project_create(access=access, key="RELAY", name="Relay")
    _make_changes(access, project, 24)
    ids = _all_ids()

    # Then every event is handled, each handed over exactly once despite concurrent relays
    wait_for(lambda: relay_probe.handled(ids) == set(ids), what="the probe to see every event")
    assert [relay_probe.deliveries(i) for i in ids] == [1] * len(ids)
    # The position ends at the last event in commit order (its row commits after the handler)
    last = Event.objects.order_by("-txid", "-id").values_list("id", flat=True).first()
    wait_for(
        lambda: ConsumerPosition.objects.get(name="probe").event_id == last,
        what="the position to reach the last event",
    )


@transactional
def test_a_consumer_that_fails_mid_batch_gets_the_batch_again(worker):
    access = access_of(MembershipFactory(role=Role.OWNER))
    project_create(access=access, key="RELAY", name="Relay")  # six events
    ids = _all_ids()
    # Given the probe will fail at the fourth event
    relay_probe.cache.set(relay_probe.FAIL_AT, ids[3], None)

    # When the relay runs (it fails), then runs again as beat would
    relay_events.delay()
    wait_for(lambda: relay_probe.cache.get(relay_probe.FAIL_AT) is None, what="the failure")
    relay_events.delay()

    # Then nothing is lost: every event handled; the ones before the failure were handed twice
    wait_for(lambda: relay_probe.handled(ids) == set(ids), what="the replay")
    assert [relay_probe.deliveries(i) for i in ids] == [2, 2, 2, 2] + [1] * (len(ids) - 4)


@transactional
def test_a_worker_killed_mid_batch_loses_nothing(worker):
    access = access_of(MembershipFactory(role=Role.OWNER))
    project_create(access=access, key="RELAY", name="Relay")  # six events
    ids = _all_ids()
    # Given the probe hangs at the third event, inside the relay's transaction
    relay_probe.cache.set(relay_probe.HANG_AT, ids[2], None)
    relay_events.delay()
    wait_for(lambda: relay_probe.cache.get(relay_probe.HANGING) == ids[2], what="the hang")

    # When the worker is killed (SIGKILL: no cleanup, the transaction dies with the connection)
    stop_worker(worker, signal.SIGKILL)
    assert ConsumerPosition.objects.get(name="probe").event_id == 0
    replacement = start_worker()
    try:
        # Then a new worker picks the batch up again (redelivered, or from beat) and loses none
        relay_events.delay()
        wait_for(lambda: relay_probe.handled(ids) == set(ids), what="the new worker")
    finally:
        stop_worker(replacement)
    last = Event.objects.order_by("-txid", "-id").values_list("id", flat=True).first()
    wait_for(
        lambda: ConsumerPosition.objects.get(name="probe").event_id == last,
        what="the position to reach the last event",
    )


@transactional
def test_a_run_overtaken_by_the_horizon_still_sees_what_it_missed():
    """A relay reads below the horizon of its moment. When an older transaction ends after those
    reads, the horizon jumps past events the run never read: measured at that later moment
    nothing waits, and no follow-up would come (CI once lost a live update to this). Measured
    from the run's starting horizon, they still wait."""
    access = access_of(MembershipFactory(role=Role.OWNER))
    holding, release = threading.Event(), threading.Event()

    def older_transaction() -> None:
        try:
            with connections["default"].cursor() as cursor:
                cursor.execute("BEGIN")
                cursor.execute("SELECT pg_current_xact_id()")
                holding.set()
                release.wait(30)
                cursor.execute("COMMIT")
        finally:
            connections.close_all()

    thread = threading.Thread(target=older_transaction)
    thread.start()
    assert holding.wait(10)
    try:
        project_create(access=access, key="LATE", name="Late")
        run_started_below = current_horizon()
        assert events_waiting_on_horizon()
    finally:
        release.set()
        thread.join(10)

    wait_for(lambda: not events_waiting_on_horizon(), what="the horizon to pass the events")
    assert events_waiting_on_horizon(since=run_started_below)
