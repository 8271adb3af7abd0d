"""Redis as a convenience, never as a dependency of a request: what the request path keeps in
the cache (read-your-writes stickiness, DRF's auth throttles) works without it.

Each use names what it does without Redis (`fallback`): the stickiness lookup reads from the
primary, the pin after a write is skipped (the next reads may come from the standby, as they
would after REPLICA_STICKY_SECONDS), a throttle lets the request through. Every fallback is
logged and counted (`docket_redis_fallbacks_total{use}`), and after a failure the cache is left
alone for CACHE_RETRY_AFTER_SECONDS, so that a Redis that hangs instead of refusing costs one
request its socket timeout, not every request.

Redis-backed rate limits have their own fail-open rule (docket.core.ratelimit); websocket tickets
cannot fall back (a ticket nobody can redeem is worth nothing) and answer 503 instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import redis
import structlog
from django.conf import settings

logger = structlog.get_logger(__name__)

T = TypeVar("T")

# What the cache client raises when Redis is gone: its own errors, and the socket's.
REDIS_ERRORS: tuple[type[BaseException], ...] = (redis.RedisError, OSError)

_down_until = 0.0


def cache_is_resting() -> bool:
    """Whether a recent failure means the cache is not to be asked right now."""
    return time.monotonic() < _down_until


def with_cache(use: str, call: Callable[[], T], fallback: Callable[[], T]) -> T:
    """`call()`, or `fallback()` when Redis fails (or failed a moment ago). `use` names the
    caller in the log and the metric."""
    global _down_until
    if cache_is_resting():
        _count(use)
        return fallback()
    try:
        return call()
    except REDIS_ERRORS as error:
        _down_until = time.monotonic() + settings.CACHE_RETRY_AFTER_SECONDS
        logger.warning("cache_unavailable", use=use, error=type(error).__name__)
        _count(use)
        return fallback()


def forget_failures() -> None:
    """Ask Redis again at once (tests that bring it back)."""
    global _down_until
    _down_until = 0.0


def _count(use: str) -> None:
    from docket.core import metrics  # metrics reads the router's state: imported late

    metrics.REDIS_FALLBACKS.labels(use=use).inc()
