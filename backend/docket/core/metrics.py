"""Prometheus metrics: what every process counts, and what the API reads at scrape time.

Counters and histograms live in the process that observes them. Under several processes (the
API's uvicorn workers, the Celery worker's pool) the launcher sets PROMETHEUS_MULTIPROC_DIR to
an empty directory before anything starts: each process then writes its values to files there,
and a scrape adds them up (prometheus_client's multiprocess mode). Without it (tests, a
single process) the values stay in memory.

State that belongs to no process (relay lag, queue depths, replica lag) is read from PostgreSQL
and Redis when the API is scraped, by StateCollector: one query for the relay, one pipeline for
the queues, one query on the replica.

The API serves `/metrics` only with `Authorization: Bearer <METRICS_TOKEN>` (404 without a
token configured); the worker serves its own on WORKER_METRICS_PORT, a port that is never
published (docs/observability.md).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import redis
import structlog
from django.conf import settings
from django.db import connections
from django.db.backends.postgresql.base import DatabaseWrapper
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    multiprocess,
    start_http_server,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from docket.core import db_routers

logger = structlog.get_logger(__name__)

MULTIPROCESS_DIR_ENV = "PROMETHEUS_MULTIPROC_DIR"

# Routes are URL patterns, never paths: a label per issue key would grow without bound.
HTTP_REQUESTS = Counter(
    "docket_http_requests",
    "HTTP requests answered, by method, route pattern and status.",
    ["method", "route", "status"],
)
HTTP_DURATION = Histogram(
    "docket_http_request_duration_seconds",
    "Time to answer an HTTP request, by method and route pattern.",
    ["method", "route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
DB_POOL_CONNECTIONS = Gauge(
    "docket_db_pool_connections",
    "Connections of each process's database pool, by alias and state (in_use, idle), "
    "summed over live processes; `waiting` counts requests queued for a connection.",
    ["alias", "state"],
    multiprocess_mode="livesum",
)
TASKS = Counter(
    "docket_tasks",
    "Celery tasks run, by task name and outcome (succeeded, failed, retried).",
    ["task", "outcome"],
)
TASK_DURATION = Histogram(
    "docket_task_duration_seconds",
    "Time a Celery task ran, by task name.",
    ["task"],
    buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0),
)
EMAILS = Counter(
    "docket_emails",
    "Emails handed to the SMTP server (sent) or given up on (failed), transient failures to be "
    "retried (retrying), and claims taken back from a sender that died mid-send (reclaimed).",
    ["outcome"],
)
WEBHOOK_ATTEMPTS = Counter(
    "docket_webhook_attempts",
    "Webhook POSTs made, by outcome: delivered (a 2xx), failed (anything else, a deadline "
    "passed included) or abandoned (the sender died during it; settled by the sweep).",
    ["outcome"],
)
WEBHOOK_ATTEMPTS_DEFERRED = Counter(
    "docket_webhook_attempts_deferred",
    "Webhook deliveries put off a moment because their endpoint or workspace already had its "
    "cap of attempts in flight.",
)
REDIS_FALLBACKS = Counter(
    "docket_redis_fallbacks",
    "Requests that went on without Redis (docket.core.cache_fallback), by use: the stickiness "
    "lookup read from the primary (sticky_read), the pin after a write skipped (sticky_write), "
    "a sign-in throttle let the request through (throttle), realtime published without its "
    "replay check (realtime_dedupe).",
    ["use"],
)
WEBHOOK_ATTEMPT_DURATION = Histogram(
    "docket_webhook_attempt_duration_seconds",
    "Time a webhook receiver took to answer (or to fail).",
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)


def multiprocess_dir() -> Path | None:
    path = os.environ.get(MULTIPROCESS_DIR_ENV)
    return Path(path) if path else None


def record_pool_use(**_: Any) -> None:
    """This process's pools as gauges, after each request has given its connection back
    (request_finished, connected in CoreConfig.ready after Django's own receiver that closes
    the connections). A pool that was never opened is not opened for this."""
    # Django keeps one pool per alias and process, on the backend class.
    pools = getattr(DatabaseWrapper, "_connection_pools", {})
    for alias, pool in list(pools.items()):
        stats = pool.get_stats()
        size, available = stats.get("pool_size", 0), stats.get("pool_available", 0)
        DB_POOL_CONNECTIONS.labels(alias=alias, state="in_use").set(size - available)
        DB_POOL_CONNECTIONS.labels(alias=alias, state="idle").set(available)
        DB_POOL_CONNECTIONS.labels(alias=alias, state="waiting").set(
            stats.get("requests_waiting", 0)
        )


_PROCESS_FILE = re.compile(r"_(\d+)\.db$")


def forget_dead_processes(path: Path) -> None:
    """Drop the live gauges of processes that are gone (a restarted worker, a crashed one):
    their counters stay in the totals, but a pool that no longer exists holds no connections."""
    for file in path.glob("gauge_live*_*.db"):
        match = _PROCESS_FILE.search(file.name)
        if match is None:
            continue
        pid = int(match.group(1))
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            multiprocess.mark_process_dead(pid, str(path))
        except PermissionError:
            pass  # alive, someone else's


class _LiveProcessesCollector(multiprocess.MultiProcessCollector):
    def collect(self) -> Iterable[Any]:
        forget_dead_processes(Path(self._path))
        return super().collect()


def process_registry() -> CollectorRegistry:
    """The values every process of this kind observed: all of them under a multiprocess
    directory (read anew at each scrape), this process's otherwise."""
    path = multiprocess_dir()
    if path is None:
        return REGISTRY
    registry = CollectorRegistry()
    _LiveProcessesCollector(registry, path=str(path))
    return registry


def serve_worker_metrics() -> None:
    """The worker's own /metrics on WORKER_METRICS_PORT (off when 0), from its main process:
    the pool's processes write to the multiprocess directory it reads."""
    if not settings.WORKER_METRICS_PORT:
        return
    try:
        start_http_server(
            settings.WORKER_METRICS_PORT,
            addr=settings.WORKER_METRICS_ADDRESS,
            registry=process_registry(),
        )
    except OSError:
        # The port is taken (another worker on this host): the work matters more than its
        # metrics, so this worker runs on without them.
        logger.warning(
            "worker_metrics_not_served", port=settings.WORKER_METRICS_PORT, exc_info=True
        )
        return
    logger.info(
        "worker_metrics_serving",
        address=settings.WORKER_METRICS_ADDRESS,
        port=settings.WORKER_METRICS_PORT,
    )


class StateCollector(Collector):
    """Gauges read at scrape time. A source that cannot be read is reported down
    (`docket_metrics_source_up`) and its gauges are left out, never made up."""

    def collect(self) -> Iterator[GaugeMetricFamily]:
        up = GaugeMetricFamily(
            "docket_metrics_source_up",
            "Whether the scrape could read each source of state (1) or not (0).",
            labels=["source"],
        )
        for source, read in (
            ("relay", self._relay_lag),
            ("broker", self._queue_depths),
            ("replica", self._replica_lag),
            ("mail", self._expired_mail_claims),
        ):
            try:
                families = list(read())
            except Exception:  # a scrape must survive any one source failing
                logger.warning("metrics_source_unreadable", source=source, exc_info=True)
                up.add_metric([source], 0)
                continue
            up.add_metric([source], 1)
            yield from families
        yield up

    def _relay_lag(self) -> Iterable[GaugeMetricFamily]:
        from docket.core.models import ConsumerPosition, Event

        lag = GaugeMetricFamily(
            "docket_relay_lag_seconds",
            "Age of the oldest committed event each relay consumer has not handled yet "
            "(0 when it is caught up).",
            labels=["consumer"],
        )
        names = list(settings.RELAY_CONSUMERS)
        # One index probe on (txid, id) per consumer, past its position.
        sql = f"""
            SELECT c.name, EXTRACT(EPOCH FROM now() - (
                SELECT e.created_at FROM {Event._meta.db_table} e
                WHERE (e.txid, e.id) > (COALESCE(p.txid, 0), COALESCE(p.event_id, 0))
                ORDER BY e.txid, e.id LIMIT 1))
            FROM unnest(%s::text[]) AS c(name)
            LEFT JOIN {ConsumerPosition._meta.db_table} p ON p.name = c.name
        """  # noqa: S608 - table names come from the models, values are parameters
        with connections["default"].cursor() as cursor:
            cursor.execute(sql, [names])
            for name, seconds in cursor.fetchall():
                lag.add_metric([name], max(float(seconds or 0), 0.0))
        yield lag

    def _queue_depths(self) -> Iterable[GaugeMetricFamily]:
        depth = GaugeMetricFamily(
            "docket_queue_depth",
            "Tasks waiting in each Celery queue (not yet taken by a worker).",
            labels=["queue"],
        )
        queues = sorted(
            {settings.CELERY_TASK_DEFAULT_QUEUE}
            | {route["queue"] for route in settings.CELERY_TASK_ROUTES.values()}
        )
        client = redis.Redis.from_url(
            settings.CELERY_BROKER_URL, socket_connect_timeout=1, socket_timeout=1
        )
        try:
            pipeline = client.pipeline(transaction=False)
            for queue in queues:
                pipeline.llen(queue)
            # Taken by a worker and not acknowledged yet: running, or held for a countdown.
            pipeline.hlen("unacked")
            *lengths, unacked = pipeline.execute()
        finally:
            client.close()
        for queue, length in zip(queues, lengths, strict=True):
            depth.add_metric([queue], length)
        yield depth
        yield GaugeMetricFamily(
            "docket_tasks_reserved",
            "Tasks taken by workers and not yet acknowledged (running, or waiting for their "
            "countdown).",
            value=unacked,
        )

    def _expired_mail_claims(self) -> Iterable[GaugeMetricFamily]:
        from django.apps import apps

        from docket.core.mail import expired_mail_claims
        from docket.core.models import MailDelivery

        aged = GaugeMetricFamily(
            "docket_mail_claims_expired",
            "Emails whose sender's claim ran out (it died mid-send), by kind: the sweep sends "
            "them again; a value that stays up means the sweep is not running.",
            labels=["kind"],
        )
        # One count per kind of mail, on the few rows being sent.
        for model in apps.get_models():
            if issubclass(model, MailDelivery):
                count = expired_mail_claims(model._default_manager.all()).count()
                aged.add_metric([model._meta.label], count)
        yield aged

    def _replica_lag(self) -> Iterable[GaugeMetricFamily]:
        lag = GaugeMetricFamily(
            "docket_replica_lag_seconds",
            "How far the read replica's replay is behind (0 when it has replayed all it "
            "received, or when `replica` is the primary itself).",
        )
        lag.add_metric([], replica_lag_seconds())
        yield lag


def replica_lag_seconds() -> float:
    """Seconds since the last transaction the standby replayed, counted only while it has WAL
    left to replay: an idle primary sends nothing, and that is not lag."""
    with connections["replica"].cursor() as cursor:
        cursor.execute(db_routers.REPLICA_LAG_SQL)
        return max(float(cursor.fetchone()[0]), 0.0)


def api_exposition() -> bytes:
    """The API's /metrics: its processes' values, then the state read now (the text format
    allows the two to follow each other: no name appears in both)."""
    state = CollectorRegistry()
    state.register(StateCollector())
    return generate_latest(process_registry()) + generate_latest(state)
