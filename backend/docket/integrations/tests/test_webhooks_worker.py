"""Webhooks through real worker processes: from a commit to the receiver, and a worker killed
in the middle of a delivery. Each event arrives, and every copy of it carries one webhook-id."""

from __future__ import annotations

import signal
import time
import uuid
from collections import defaultdict

import pytest
from django.test import override_settings

from docket.core.tasks import relay_events
from docket.integrations.models import WebhookAttempt, WebhookDelivery, WebhookDeliveryStatus
from docket.integrations.services import ABANDONED, webhook_endpoint_create
from docket.integrations.tasks import deliver_due_webhooks
from docket.issues.services import issue_update
from docket.testing.receiver import LOOPBACK, ReceiverServer
from docket.testing.worker import purge_queues, start_worker, stop_worker, wait_for

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)
QUEUES = ("relay", "default", "email", "webhooks")


def _worker():
    return start_worker(
        queues=",".join(QUEUES),
        env={
            # The receiver is on 127.0.0.1; production refuses it, these tests allow it.
            "WEBHOOK_DEVELOPMENT_RECEIVERS": ",".join(LOOPBACK),
            # A sender holds a delivery for 3x this: a dead one's claim runs out in 3 s.
            "WEBHOOK_TIMEOUT_SECONDS": "1",
            "WEBHOOK_RETRY_DELAYS": "0.2,0.2,0.2",
        },
    )


def _by_event(received) -> dict[int, set[str]]:
    ids: dict[int, set[str]] = defaultdict(set)
    for request in received:
        ids[request.json["data"]["id"]].add(request.webhook_id)
    return ids


@transactional
def test_a_commit_reaches_the_receiver_through_the_relay_and_the_webhooks_queue(world):
    with ReceiverServer() as receiver:
        # Given an endpoint (made where loopback is allowed) and a worker on every queue
        with override_settings(WEBHOOK_DEVELOPMENT_RECEIVERS=LOOPBACK):
            webhook_endpoint_create(
                access=world.access("admin"), url=receiver.url, event_types=["issue.updated"]
            )
        purge_queues(*QUEUES)
        worker = _worker()
        try:
            # When an issue is edited and the relay runs (as after any commit)
            started = time.monotonic()
            issue_update(access=world.access("member"), issue=world.eng_issue, title="Live")
            relay_events.delay()

            # Then the receiver gets it, signed, as one delivery that succeeded
            (request,) = receiver.wait_for(1)
            elapsed = time.monotonic() - started
            # The worker records the answer after the receiver has it: wait while it still runs.
            wait_for(
                lambda: WebhookDelivery.objects.get().status == WebhookDeliveryStatus.SUCCEEDED,
                what="the delivery to be recorded",
            )
        finally:
            stop_worker(worker)
    assert request.json["data"]["changes"]["title"]["new"] == "Live"
    assert request.headers["webhook-signature"].startswith("v1,")
    assert elapsed < 30


@transactional
def test_a_worker_killed_mid_delivery_loses_no_event_and_each_keeps_one_webhook_id(world):
    with ReceiverServer() as receiver:
        with override_settings(WEBHOOK_DEVELOPMENT_RECEIVERS=LOOPBACK):
            webhook_endpoint_create(
                access=world.access("admin"), url=receiver.url, event_types=["issue.updated"]
            )
        # Given three edits, and a receiver that holds the first delivery without answering
        for title in ("one", "two", "three"):
            issue_update(access=world.access("member"), issue=world.eng_issue, title=title)
        receiver.hold_next = True
        purge_queues(*QUEUES)
        worker = _worker()
        try:
            relay_events.delay()
            assert receiver.holding.wait(60), "no delivery reached the receiver"
        finally:
            # When the worker is killed while that delivery waits for its answer
            stop_worker(worker, signal.SIGKILL)
        held = receiver.received[0].webhook_id

        # And a new worker starts, with beat's sweep running every second
        replacement = _worker()
        try:

            def everything_delivered() -> bool:
                deliver_due_webhooks.delay()
                time.sleep(0.5)
                return (
                    WebhookDelivery.objects.exclude(status=WebhookDeliveryStatus.SUCCEEDED).count()
                    == 0
                    and WebhookDelivery.objects.count() == 3
                )

            wait_for(everything_delivered, seconds=90, what="every delivery to succeed")
        finally:
            stop_worker(replacement)

    # Then every event arrived with a 200, the held one twice (at least once), and all copies of
    # one event carry one webhook-id, a different one per event
    answered = [r for r in receiver.received if r.answered == 200]
    ids = _by_event(receiver.received)
    assert len(ids) == 3
    assert all(len(copies) == 1 for copies in ids.values())
    assert len({next(iter(copies)) for copies in ids.values()}) == 3
    assert {r.webhook_id for r in answered} == {next(iter(c)) for c in ids.values()}
    assert [r.webhook_id for r in receiver.received].count(held) == 2
    titles = sorted(r.json["data"]["changes"]["title"]["new"] for r in answered)
    assert titles == ["one", "three", "two"]
    # ...and the killed attempt is in the delivery's log, before the one that succeeded
    log = WebhookAttempt.objects.filter(delivery_id=uuid.UUID(held.removeprefix("msg_")))
    assert [a.error for a in log.order_by("id")] == [ABANDONED, ""]
