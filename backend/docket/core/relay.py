"""The outbox relay: hands committed events, in commit-safe order, to each consumer.

Consumers are named in settings.RELAY_CONSUMERS ({name: "dotted.path.to.handler"}); a handler
takes a batch of events and runs inside the transaction that advances its position. Each
consumer's position row is locked with SKIP LOCKED, so relays running at once (after every
commit, and on beat as a safety net) never hand the same batch to the same consumer twice, and
never wait on each other.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import structlog
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from django.utils.module_loading import import_string

from docket.core.models import CommittedHorizon, ConsumerPosition, Event

logger = structlog.get_logger(__name__)

Handler = Callable[[Sequence[Event]], None]
BATCH_SIZE = 500
# Well under the task's soft time limit: the rest is picked up by the next run.
TIME_BUDGET_SECONDS = 20.0


def consumers() -> dict[str, Handler]:
    return {name: import_string(path) for name, path in settings.RELAY_CONSUMERS.items()}


def relay_once(name: str, handler: Handler, *, batch_size: int = BATCH_SIZE) -> int | None:
    """Hand the next batch to one consumer. Returns how many events it got, or None if another
    relay holds this consumer right now."""
    ConsumerPosition.objects.get_or_create(name=name)
    with transaction.atomic():
        position = (
            ConsumerPosition.objects.select_for_update(skip_locked=True).filter(name=name).first()
        )
        if position is None:
            return None
        events = list(
            Event.objects.filter(txid__lt=CommittedHorizon())
            .filter(Q(txid__gt=position.txid) | Q(txid=position.txid, id__gt=position.event_id))
            .order_by("txid", "id")[:batch_size]
        )
        if not events:
            return 0
        handler(events)
        # Every event read here is below the horizon, so it has a txid.
        position.txid, position.event_id = events[-1].txid or 0, events[-1].id
        position.save(update_fields=["txid", "event_id", "updated_at"])
    logger.info("relay_batch", consumer=name, events=len(events), last_event=events[-1].id)
    return len(events)


@dataclass
class RelayRun:
    handed: int = 0
    # Consumers another relay held, or whose handler failed: their events wait for a next run.
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    # The horizon as the run began. Each consumer reads below the horizon of its own moment, so
    # an older transaction that ends mid-run may leave events one consumer got and another did
    # not; anything at or above this value is what the run may have missed.
    started_below: int = 0


def relay_all(*, batch_size: int = BATCH_SIZE) -> RelayRun:
    """Drain every consumer, in settings order, within the time budget. A consumer that fails
    is logged and left at its position (replayed next run); it never holds up the others."""
    started = time.monotonic()
    run = RelayRun(started_below=current_horizon())
    for name, handler in consumers().items():
        while time.monotonic() - started < TIME_BUDGET_SECONDS:
            try:
                handed = relay_once(name, handler, batch_size=batch_size)
            except Exception:
                logger.exception("relay_consumer_failed", consumer=name)
                run.failed.append(name)
                break
            if handed is None:
                run.skipped.append(name)
                break
            run.handed += handed
            if handed < batch_size:
                break
    return run


def current_horizon() -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {CommittedHorizon.template}")
        return int(cursor.fetchone()[0])


def events_waiting_on_horizon(since: int | None = None) -> bool:
    """Committed events not yet below the horizon (or, given a run's starting horizon, not below
    that one): an older transaction (one that recorded no event, like a relay's own) is or was
    still open. Its end schedules no relay, so the relay that saw these asks for a follow-up
    instead of leaving them to beat. Checking against the horizon of the run's start, not of
    this moment, matters: a transaction that ends between the run's reads and this check has
    moved the horizon past events the run never read."""
    return Event.objects.filter(txid__gte=CommittedHorizon() if since is None else since).exists()


def schedule_relay() -> None:
    """Ask a worker to relay soon. Called after each commit that recorded events; failing to
    reach the broker must not fail the request whose change is already committed (beat runs
    the relay every few seconds anyway)."""
    from docket.core.tasks import relay_events

    try:
        relay_events.delay()
    except Exception:
        logger.warning("relay_not_scheduled", exc_info=True)
