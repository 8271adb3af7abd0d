"""Database routing: writes to `default`, reads to `replica` unless the caller must see its writes.

Reads stay on the primary while a request that writes is being handled (see
PrimaryDatabasePinMiddleware) and inside any transaction, because a replica lags behind and a
read inside a transaction must see that transaction's own rows. After a user's successful write,
that user's reads also stay on the primary for REPLICA_STICKY_SECONDS (a marker in Redis), so a
client that writes and then reads, from any process, sees what it wrote.
"""

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.db import connections

PRIMARY = "default"
REPLICA = "replica"

_pinned: contextvars.ContextVar[bool] = contextvars.ContextVar("docket_db_pinned", default=False)


@contextmanager
def pinned_to_primary() -> Iterator[None]:
    token = _pinned.set(True)
    try:
        yield
    finally:
        _pinned.reset(token)


def _sticky_key(user_id: Any) -> str:
    return f"db-primary-sticky:{user_id}"


def stick_user_to_primary(user_id: Any) -> None:
    """Called after a user's write succeeds: their next reads see it despite replica lag."""
    cache.set(_sticky_key(user_id), 1, timeout=settings.REPLICA_STICKY_SECONDS)


def pin_if_user_is_sticky(user_id: Any) -> None:
    """Pin the rest of this request to the primary if the user wrote a moment ago."""
    if cache.get(_sticky_key(user_id)) is not None:
        _pinned.set(True)


def reset_pin() -> contextvars.Token[bool]:
    return _pinned.set(False)


def restore_pin(token: contextvars.Token[bool]) -> None:
    _pinned.reset(token)


def reads_go_to_primary() -> bool:
    return _pinned.get() or connections[PRIMARY].in_atomic_block


class PrimaryReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str:
        return PRIMARY if reads_go_to_primary() else REPLICA

    def db_for_write(self, model: type, **hints: Any) -> str:
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # Both aliases hold the same data, so objects from either may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY
