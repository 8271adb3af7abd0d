"""The task base every Docket task uses, and the outbox relay's task.

Tasks take ids, are enqueued on commit, are idempotent, and carry the request id of the
request that caused them, so a task's log lines join the request's. A task follows the database
routing rules of a request (docket.core.db_routers): it reads from the replica until it writes,
and one enqueued by a caller that had to read from the primary (it wrote, or its user wrote a
moment ago) reads from the primary too, for as long as that caller's stickiness would last.
"""

from __future__ import annotations

import time
from typing import Any

import structlog
from celery import Task, shared_task
from celery.exceptions import Retry
from django.conf import settings

from docket.core import db_routers, metrics

logger = structlog.get_logger(__name__)

REQUEST_ID_HEADER = "docket_request_id"
# Wall-clock time (epoch seconds) until which the task reads from the primary.
READ_PRIMARY_UNTIL_HEADER = "docket_read_primary_until"


class DocketTask(Task):
    def apply_async(self, args: Any = None, kwargs: Any = None, **options: Any) -> Any:
        request_id = structlog.contextvars.get_contextvars().get("request_id")
        if request_id:
            options.setdefault("headers", {}).setdefault(REQUEST_ID_HEADER, request_id)
        if db_routers.is_pinned():
            read_primary_until = time.time() + settings.REPLICA_STICKY_SECONDS
            headers = options.setdefault("headers", {})
            headers.setdefault(READ_PRIMARY_UNTIL_HEADER, read_primary_until)
        return super().apply_async(args, kwargs, **options)

    def _header(self, name: str) -> Any:
        headers = getattr(self.request, "headers", None) or {}
        return getattr(self.request, name, None) or headers.get(name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        request_id = self._header(REQUEST_ID_HEADER)
        pin = db_routers.reset_pin()  # nothing carried over from the task this process ran before
        if float(self._header(READ_PRIMARY_UNTIL_HEADER) or 0) > time.time():
            db_routers.pin()
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(task=self.name, task_id=self.request.id)
        if request_id:
            structlog.contextvars.bind_contextvars(request_id=request_id)
        started, outcome = time.perf_counter(), "failed"
        try:
            result = super().__call__(*args, **kwargs)
            outcome = "succeeded"
            return result
        except Retry:
            outcome = "retried"
            raise
        finally:
            # One line per run, like the access log's one per request.
            duration = time.perf_counter() - started
            logger.info("task", outcome=outcome, duration_ms=round(duration * 1000, 2))
            metrics.TASKS.labels(task=self.name, outcome=outcome).inc()
            metrics.TASK_DURATION.labels(task=self.name).observe(duration)
            structlog.contextvars.clear_contextvars()
            db_routers.restore_pin(pin)


# While events wait (a consumer held by another relay, or an older transaction holding the
# horizon back), one follow-up relay at a time is scheduled this soon: live updates must not
# wait for beat's safety net.
FOLLOW_UP_SECONDS = 0.1
FOLLOW_UP_KEY = "relay:follow-up"


@shared_task(name="docket.relay_events", ignore_result=True)
def relay_events(follow_up: bool = False) -> int:
    """Hand new committed events to every consumer, each from its own position. Safe to run
    any number of times at once: a consumer busy in another worker is skipped, and a follow-up
    run is scheduled for what that left behind."""
    from django.core.cache import cache

    from docket.core.relay import events_waiting_on_horizon, relay_all

    if follow_up:
        cache.delete(FOLLOW_UP_KEY)  # the next run may ask for another
    run = relay_all()
    waiting = run.skipped or events_waiting_on_horizon(since=run.started_below)
    # One pending follow-up is enough (the key expires, should that task be lost).
    if waiting and cache.add(FOLLOW_UP_KEY, 1, timeout=5):
        relay_events.apply_async(kwargs={"follow_up": True}, countdown=FOLLOW_UP_SECONDS)
    return run.handed


@shared_task(name="docket.expire_idempotency_keys", ignore_result=True)
def expire_idempotency_keys() -> int:
    """Delete idempotency keys past their 24 hours (beat, hourly). Safe to run any time."""
    from docket.core.idempotency import idempotency_keys_expire

    return idempotency_keys_expire()
