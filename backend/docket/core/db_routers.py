"""Database routing: writes to `default`, reads to `replica` unless the caller must see its writes.

Reads stay on the primary while a request that writes is being handled (see
PrimaryDatabasePinMiddleware) and inside any transaction, because a replica lags behind and a
read inside a transaction must see that transaction's own rows.
"""

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

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
