"""Webhook delivery at scale: the sweep keeps one task per due delivery in the queue, an attempt
has a deadline whatever the receiver does, an attempt whose sender died counts like any failed
one, and one workspace's slow receiver cannot hold up another's. Real PostgreSQL, Redis, a real
worker process and real local receivers."""

from __future__ import annotations

import datetime
import time

import pytest
from django.test import override_settings
from django.utils import timezone
from prometheus_client import REGISTRY

from docket.core.models import Event
from docket.integrations.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookEndpoint,
)
from docket.integrations.services import (
    ABANDONED,
    plan_webhook_deliveries,
    webhook_delivery_send,
    webhook_endpoint_create,
)
from docket.integrations.tasks import deliver_due_webhooks
from docket.issues.services import issue_update
from docket.testing.receiver import LOOPBACK, ReceiverServer
from docket.testing.worker import purge_queues, queue_length, start_worker, stop_worker
from docket.testing.world import access_of
from docket.workspaces.models import Membership

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)


@pytest.fixture
def receiver():
    with ReceiverServer() as server:
        yield server


def _mark() -> int:
    return Event.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _plan_since(mark: int) -> list[WebhookDelivery]:
    plan_webhook_deliveries(list(Event.objects.filter(id__gt=mark).order_by("id")))
    return list(WebhookDelivery.objects.filter(event_id__gt=mark).order_by("event_id"))


def _failed_attempts(outcome: str) -> float:
    return REGISTRY.get_sample_value("docket_webhook_attempts_total", {"outcome": outcome}) or 0


@pytest.mark.django_db
def test_the_sweep_enqueues_each_due_delivery_once_however_often_it_runs(world, settings):
    # Given five deliveries whose asks were lost, and no worker running
    settings.WEBHOOK_DEVELOPMENT_RECEIVERS = LOOPBACK
    webhook_endpoint_create(
        access=world.access("admin"), url="http://127.0.0.1:9/hooks", event_types=["issue.updated"]
    )
    mark = _mark()
    for n in range(5):
        issue_update(access=world.access("member"), issue=world.eng_issue, title=f"edit {n}")
    assert len(_plan_since(mark)) == 5
    purge_queues("webhooks")
    try:
        # When beat's sweep runs ten times
        for _ in range(10):
            deliver_due_webhooks()

        # Then the queue holds one task per pending delivery, not ten
        assert queue_length("webhooks") == 5
    finally:
        purge_queues("webhooks")


@pytest.mark.django_db
def test_a_receiver_dripping_its_answer_is_cut_off_at_the_deadline_and_the_attempt_counts(
    world, receiver, settings
):
    # Given a receiver that sends its answer's headers a byte every half second, for ever
    settings.WEBHOOK_DEVELOPMENT_RECEIVERS = LOOPBACK
    settings.WEBHOOK_TIMEOUT_SECONDS = 2
    webhook_endpoint_create(
        access=world.access("admin"), url=receiver.url, event_types=["issue.updated"]
    )
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Drip")
    (delivery,) = _plan_since(mark)
    receiver.drip_seconds = 0.5
    failed_before = _failed_attempts("failed")

    # When it is sent
    started = time.monotonic()
    outcome = webhook_delivery_send(delivery_id=delivery.pk)
    took = time.monotonic() - started

    # Then the attempt ends at its deadline (each byte arrived well within a socket timeout),
    # is logged as timed out, backed off, and starts the endpoint's failure streak
    assert outcome.result == "failed"
    assert 1.9 <= took < 4
    (attempt,) = WebhookAttempt.objects.filter(delivery=delivery)
    assert attempt.status_code is None
    assert "no complete answer within 2 s" in attempt.error
    row = WebhookDelivery.objects.get(pk=delivery.pk)
    assert row.status == WebhookDeliveryStatus.PENDING
    assert row.next_attempt_at > timezone.now() + datetime.timedelta(seconds=3)
    assert WebhookEndpoint.objects.get().failing_since is not None
    assert _failed_attempts("failed") == failed_before + 1


@pytest.mark.django_db
def test_an_attempt_whose_sender_died_is_logged_backed_off_and_counted_towards_disabling(
    world, settings
):
    # Given a delivery whose sender was killed mid-attempt: its claim ran out a while ago
    settings.WEBHOOK_DEVELOPMENT_RECEIVERS = LOOPBACK
    webhook_endpoint_create(
        access=world.access("admin"), url="http://127.0.0.1:9/hooks", event_types=["issue.updated"]
    )
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Killed")
    (delivery,) = _plan_since(mark)
    WebhookDelivery.objects.filter(pk=delivery.pk).update(
        status=WebhookDeliveryStatus.SENDING,
        attempts=1,
        claimed_until=timezone.now() - datetime.timedelta(seconds=1),
    )
    abandoned_before = _failed_attempts("abandoned")
    purge_queues("webhooks")

    # When beat's sweep runs
    try:
        deliver_due_webhooks()
        enqueued = queue_length("webhooks")
    finally:
        purge_queues("webhooks")

    # Then the lost attempt is in the log, the next one waits out the first backoff (nothing
    # is enqueued before then), and the endpoint's failure streak has begun
    (attempt,) = WebhookAttempt.objects.filter(delivery=delivery)
    assert attempt.error == ABANDONED
    row = WebhookDelivery.objects.get(pk=delivery.pk)
    assert (row.status, row.attempts, row.last_error) == ("pending", 1, ABANDONED)
    assert row.next_attempt_at > timezone.now() + datetime.timedelta(seconds=3)
    assert enqueued == 0
    assert WebhookEndpoint.objects.get().failing_since is not None
    assert _failed_attempts("abandoned") == abandoned_before + 1


@transactional
def test_a_slow_receiver_in_one_workspace_does_not_hold_up_another_workspaces(world):
    with ReceiverServer() as slow, ReceiverServer() as fast:
        # Given acme's receiver that takes 3 s per answer, and other's that answers at once
        slow.pause_seconds = 3
        outsider = access_of(
            Membership.objects.get(workspace=world.other_workspace, user=world.outsider)
        )
        with override_settings(WEBHOOK_DEVELOPMENT_RECEIVERS=LOOPBACK):
            webhook_endpoint_create(
                access=world.access("admin"), url=slow.url, event_types=["issue.updated"]
            )
            webhook_endpoint_create(access=outsider, url=fast.url, event_types=["issue.updated"])
        mark = _mark()
        # ...six deliveries to acme's, queued ahead of four to other's
        for n in range(6):
            issue_update(access=world.access("member"), issue=world.eng_issue, title=f"a{n}")
        for n in range(4):
            issue_update(access=outsider, issue=world.other_issue, title=f"b{n}")
        purge_queues("webhooks")
        deliveries = _plan_since(mark)  # enqueued in event order once planned
        assert len(deliveries) == 10

        # When a worker with two slots (one at most for any one endpoint) starts on them
        worker = start_worker(
            queues="webhooks",
            env={
                "WEBHOOK_DEVELOPMENT_RECEIVERS": ",".join(LOOPBACK),
                "WEBHOOK_TIMEOUT_SECONDS": "10",
                "WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT": "1",
            },
        )
        try:
            fast.wait_for(4, seconds=60)
            slow.wait_for(6, seconds=90)
        finally:
            stop_worker(worker)

    # Then other's four arrived within seconds of the worker's first request, not after acme's
    # slow answers (two slots, 3 s each: 9 s before the first of them without the cap)
    began = min(r.at for r in slow.received + fast.received)
    fast_took = max(r.at for r in fast.received) - began
    assert fast_took < 4, fast_took
    assert len({r.webhook_id for r in slow.received}) == 6
