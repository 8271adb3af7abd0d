"""A relay consumer for the relay tests, loaded by the worker process they start too.

It records, in Redis, how many times each event was handed to it and whether it was handled
(idempotently, as every real consumer is). Flags set by a test make it fail or hang once at a
given event, to stand for a consumer that crashes or a worker killed mid-batch.
"""

import time
from collections.abc import Sequence

from django.core.cache import cache

from docket.core.models import Event

HANDLED = "relay-probe:handled:{}"
DELIVERIES = "relay-probe:deliveries:{}"
FAIL_AT = "relay-probe:fail-at"
HANG_AT = "relay-probe:hang-at"
HANGING = "relay-probe:hanging"


class ProbeFailure(RuntimeError):
    pass


def record(events: Sequence[Event]) -> None:
    for event in events:
        delivered = DELIVERIES.format(event.id)
        if not cache.add(delivered, 1, None):
            cache.incr(delivered)
        if cache.get(FAIL_AT) == event.id and cache.delete(FAIL_AT):
            raise ProbeFailure(f"probe fails once at event {event.id}")
        if cache.get(HANG_AT) == event.id:
            cache.delete(HANG_AT)
            cache.set(HANGING, event.id, None)
            time.sleep(120)  # until the test kills this worker
        cache.add(HANDLED.format(event.id), 1, None)


def deliveries(event_id: int) -> int:
    return cache.get(DELIVERIES.format(event_id), 0)


def handled(event_ids: Sequence[int]) -> set[int]:
    found = cache.get_many([HANDLED.format(i) for i in event_ids])
    return {int(key.rsplit(":", 1)[1]) for key in found}
