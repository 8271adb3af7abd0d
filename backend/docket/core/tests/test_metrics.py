"""/metrics: the token, what each process counts, the state read at scrape time, several API
processes adding up, and the worker's own endpoint. Real PostgreSQL, Redis, uvicorn and Celery."""

from __future__ import annotations

import datetime
import logging
import threading
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from docket.core.mail import EmailNotSentYet
from docket.core.models import DeliveryStatus, Event
from docket.core.relay import consumers
from docket.core.tasks import expire_idempotency_keys, relay_events
from docket.core.tests.test_cross_cutting import render_as_production_json, structlog_records
from docket.notifications.models import EmailDelivery
from docket.notifications.services import email_delivery_send
from docket.notifications.tasks import deliver_pending_emails
from docket.notifications.tests.test_email import _deliveries
from docket.projects.services import project_create
from docket.testing.factories import MembershipFactory
from docket.testing.live import free_port, http_request, live_api
from docket.testing.relay import relay_everything
from docket.testing.smtp import SmtpServer
from docket.testing.worker import (
    purge_queues,
    queue_length,
    start_worker,
    stop_worker,
    wait_for,
)
from docket.testing.world import access_of
from docket.workspaces.models import Role

TOKEN = "metrics-test-token"
transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)
# A scrape reads the replica's lag too.
with_db = pytest.mark.django_db(databases=["default", "replica", "analytics"])


def samples(text: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of an exposition, by name and sorted labels."""
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(scraped: dict, name: str, **labels: str) -> float:
    """One sample's value; -1 when the exposition has no such sample."""
    return scraped.get((name, tuple(sorted(labels.items()))), -1.0)


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


@pytest.fixture
def metrics_token(settings):
    settings.METRICS_TOKEN = TOKEN


def scrape(api) -> dict:
    response = api.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    return samples(response.content.decode())


# --- Who may read them ------------------------------------------------------------------------


@with_db
def test_without_a_configured_token_there_is_no_endpoint(api, settings):
    settings.METRICS_TOKEN = ""
    response = api.get("/metrics", HTTP_AUTHORIZATION="Bearer ")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@with_db
@pytest.mark.parametrize("authorization", [None, "Bearer wrong", TOKEN, f"Basic {TOKEN}"])
def test_a_missing_or_wrong_token_is_a_401(api, metrics_token, authorization):
    extra = {"HTTP_AUTHORIZATION": authorization} if authorization else {}
    response = api.get("/metrics", **extra)
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"] == 'Bearer realm="metrics"'
    assert b"docket_" not in response.content


# --- What a process counts --------------------------------------------------------------------


@with_db
def test_requests_are_counted_by_route_pattern_never_by_path(world, as_user, api, metrics_token):
    route = "api/v1/workspaces/<slug:workspace_slug>/issues/<issue_key:issue_key>"
    labels = {"method": "GET", "route": route, "status": "200"}
    before = max(value(scrape(api), "docket_http_requests_total", **labels), 0)
    client = as_user(world.member)
    for _ in range(3):
        assert (
            client.get(f"/api/v1/workspaces/acme/issues/{world.eng_issue.key}").status_code == 200
        )
    assert client.get("/api/v1/workspaces/acme/issues/ENG-999").status_code == 404

    scraped = scrape(api)
    assert value(scraped, "docket_http_requests_total", **labels) == before + 3
    assert value(scraped, "docket_http_requests_total", **{**labels, "status": "404"}) >= 1
    histogram = {"method": "GET", "route": route, "le": "+Inf"}
    assert value(scraped, "docket_http_request_duration_seconds_bucket", **histogram) >= 4
    assert not [key for key in scraped if any("ENG-" in v for _, v in key[1])]


@with_db
def test_a_made_up_method_is_counted_as_other(world, as_user, api, metrics_token):
    as_user(world.member).generic("BREW", "/api/v1/workspaces/acme/issues")
    assert any(
        dict(labels).get("method") == "other"
        for name, labels in scrape(api)
        if name == "docket_http_requests_total"
    )


@with_db
def test_every_task_run_logs_one_json_line_and_is_counted(caplog):
    caplog.set_level(logging.INFO)
    labels = {"task": "docket.expire_idempotency_keys", "outcome": "succeeded"}
    before = REGISTRY.get_sample_value("docket_tasks_total", labels) or 0

    expire_idempotency_keys.apply()

    assert REGISTRY.get_sample_value("docket_tasks_total", labels) == before + 1
    (record,) = [
        r
        for r in caplog.records
        if isinstance(r.msg, dict) and r.msg.get("task") == labels["task"]
        if r.msg.get("event") == "task"
    ]
    line = render_as_production_json(record)
    assert line["message"] == "task"
    assert line["outcome"] == "succeeded"
    assert line["duration_ms"] >= 0
    assert line["task_id"]
    assert structlog_records(caplog, "task")


@transactional
def test_emails_are_counted_by_outcome(world, smtp, settings):
    (delivery,) = _deliveries(world, "Counted")
    purge_queues("email")  # sent here, in this process
    for name, setting in smtp.env.items():
        setattr(settings, name, int(setting) if name.endswith(("PORT", "TIMEOUT")) else setting)
    smtp.mailbox.refuse_next = 1

    def counted(outcome: str) -> float:
        return REGISTRY.get_sample_value("docket_emails_total", {"outcome": outcome}) or 0

    before = {outcome: counted(outcome) for outcome in ("sent", "retrying")}

    with pytest.raises(EmailNotSentYet):
        email_delivery_send(delivery_id=delivery.pk)  # refused: a transient failure
    assert email_delivery_send(delivery_id=delivery.pk) == "skipped"  # its retry is not due yet
    EmailDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())
    assert email_delivery_send(delivery_id=delivery.pk) == "sent"
    assert email_delivery_send(delivery_id=delivery.pk) == "skipped"  # sent already: not counted

    assert counted("sent") == before["sent"] + 1
    assert counted("retrying") == before["retrying"] + 1


# --- State read at scrape time ----------------------------------------------------------------


@transactional
def test_relay_lag_is_the_age_of_the_oldest_event_a_consumer_has_not_handled(api, metrics_token):
    access = access_of(MembershipFactory(role=Role.OWNER))
    project_create(access=access, key="LAG", name="Lag")
    # The oldest waiting event was committed two minutes ago
    oldest = Event.objects.order_by("txid", "id")[0]
    Event.objects.filter(pk=oldest.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=2)
    )

    waiting = scrape(api)
    for consumer in settings.RELAY_CONSUMERS:
        assert value(waiting, "docket_relay_lag_seconds", consumer=consumer) >= 120
    assert value(waiting, "docket_metrics_source_up", source="relay") == 1

    for name, handler in consumers().items():
        relay_everything(name, handler)
    caught_up = scrape(api)
    for consumer in settings.RELAY_CONSUMERS:
        assert value(caught_up, "docket_relay_lag_seconds", consumer=consumer) == 0


@transactional
def test_mail_claims_that_ran_out_are_counted_until_the_sweep_takes_them_back(
    world, api, metrics_token, caplog
):
    # Given an email whose sender died mid-send a while ago (its claim ran out)
    (delivery,) = _deliveries(world, "Orphaned")
    purge_queues("email")
    EmailDelivery.objects.filter(pk=delivery.pk).update(
        status=DeliveryStatus.SENDING,
        attempts=1,
        claimed_at=timezone.now() - datetime.timedelta(minutes=5),
        claimed_until=timezone.now() - datetime.timedelta(minutes=3),
    )
    kind = "notifications.EmailDelivery"

    # Then a scrape counts it, and the sweep logs it, takes it back and enqueues it
    assert value(scrape(api), "docket_mail_claims_expired", kind=kind) == 1
    assert value(scrape(api), "docket_metrics_source_up", source="mail") == 1
    try:
        deliver_pending_emails()
        assert queue_length("email") == 1
    finally:
        purge_queues("email")
    assert value(scrape(api), "docket_mail_claims_expired", kind=kind) == 0
    assert EmailDelivery.objects.get(pk=delivery.pk).status == DeliveryStatus.PENDING
    (logged,) = structlog_records(caplog, "email_claim_expired")
    assert logged["delivery_id"] == delivery.pk


@with_db
def test_queue_depths_count_the_tasks_waiting_in_each_queue(api, metrics_token):
    purge_queues()
    try:
        for _ in range(3):
            relay_events.delay()  # no worker runs: they wait
        scraped = scrape(api)
    finally:
        purge_queues()
    assert value(scraped, "docket_queue_depth", queue="relay") == 3
    assert value(scraped, "docket_queue_depth", queue="email") == 0
    assert value(scraped, "docket_metrics_source_up", source="broker") == 1


@with_db
def test_a_source_that_cannot_be_read_is_reported_down_and_the_rest_still_served(
    api, metrics_token, settings
):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens
    scraped = scrape(api)
    assert value(scraped, "docket_metrics_source_up", source="broker") == 0
    assert not [key for key in scraped if key[0] == "docket_queue_depth"]
    assert value(scraped, "docket_metrics_source_up", source="relay") == 1
    # `replica` is the primary itself in these tests: no replay, no lag
    assert value(scraped, "docket_replica_lag_seconds") == 0


# --- Several processes ------------------------------------------------------------------------


@transactional
def test_the_api_processes_add_up(tmp_path: Path):
    """Two uvicorn workers write their own files; a scrape, whichever worker answers it,
    reports the requests both served."""
    env = {"PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "METRICS_TOKEN": TOKEN}
    with live_api(env, "--workers", "2") as base:
        threads = [
            threading.Thread(target=http_request, args=(base, "GET", "/readyz")) for _ in range(20)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        def scraped_now() -> dict:
            request = urllib.request.Request(  # noqa: S310 - a local test server
                base + "/metrics", headers={"Authorization": f"Bearer {TOKEN}"}
            )
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return samples(response.read().decode())

        readyz = {"method": "GET", "route": "readyz", "status": "200"}
        assert value(scraped_now(), "docket_http_requests_total", **readyz) == 20
        # /readyz opened each serving process's pool. A connection goes back to its pool just
        # after the answer is sent, so the last ones may still be on their way back.
        wait_for(
            lambda: (
                value(scraped_now(), "docket_db_pool_connections", alias="default", state="in_use")
                == 0
            ),
            seconds=10,
            what="every connection back in its pool",
        )
        assert (
            value(scraped_now(), "docket_db_pool_connections", alias="default", state="idle") >= 1
        )


@transactional
def test_the_worker_serves_its_own_metrics(tmp_path: Path):
    port = free_port()
    purge_queues()
    worker = start_worker(
        env={"PROMETHEUS_MULTIPROC_DIR": str(tmp_path), "WORKER_METRICS_PORT": str(port)}
    )
    try:
        relay_events.delay()
        labels = {"task": "docket.relay_events", "outcome": "succeeded"}

        def relayed() -> bool:
            url = f"http://127.0.0.1:{port}/metrics"
            with urllib.request.urlopen(url, timeout=5) as response:
                text = response.read().decode()
            return value(samples(text), "docket_tasks_total", **labels) >= 1

        wait_for(relayed, what="the worker to count the relay it ran")
    finally:
        stop_worker(worker)


@with_db
def test_a_dead_processs_live_gauges_are_forgotten(tmp_path: Path):
    from prometheus_client.mmap_dict import MmapedDict

    from docket.core.metrics import forget_dead_processes

    dead, alive = tmp_path / "gauge_livesum_999999999.db", tmp_path / "counter_999999999.db"
    for path in (dead, alive):
        MmapedDict(str(path)).close()
    forget_dead_processes(tmp_path)
    assert not dead.exists()
    assert alive.exists()  # a dead process's counts stay in the totals
