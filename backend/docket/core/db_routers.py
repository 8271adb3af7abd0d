"""Database routing: writes to `default`, reads to `replica` unless the caller must see its writes
or the standby cannot be trusted right now.

Reads stay on the primary:
- while a request that writes is being handled (PrimaryDatabasePinMiddleware), inside any
  transaction, and for the rest of a request or task after its first write: a replica lags
  behind, and a caller must see what it just wrote;
- for REPLICA_STICKY_SECONDS after a user's successful write (a marker in Redis), so a client
  that writes and then reads, from any process, sees what it wrote; a task enqueued by a
  caller in that state reads from the primary too (docket.core.tasks); while Redis cannot say,
  every authenticated request reads from the primary (docket.core.cache_fallback);
- while the standby's replay is more than REPLICA_MAX_LAG_SECONDS behind, or while it does not
  answer (ReplicaHealth below): the API keeps answering from the primary.
"""

from __future__ import annotations

import contextvars
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import psycopg
import structlog
from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections

from docket.core.cache_fallback import with_cache

logger = structlog.get_logger(__name__)

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
    """Called after a user's write succeeds: their next reads see it despite replica lag.
    Without Redis the write stands and its answer leaves; only the stickiness is lost."""
    with_cache(
        "sticky_write",
        lambda: cache.set(_sticky_key(user_id), 1, timeout=settings.REPLICA_STICKY_SECONDS),
        lambda: None,
    )


def pin_if_user_is_sticky(user_id: Any) -> None:
    """Pin the rest of this request to the primary if the user wrote a moment ago, or if
    that cannot be known (Redis unreachable): the primary is always correct."""
    sticky = with_cache(
        "sticky_read", lambda: cache.get(_sticky_key(user_id)) is not None, lambda: True
    )
    if sticky:
        _pinned.set(True)


def pin() -> None:
    """Pin the rest of this request or task to the primary."""
    _pinned.set(True)


def is_pinned() -> bool:
    return _pinned.get()


def reset_pin() -> contextvars.Token[bool]:
    return _pinned.set(False)


def restore_pin(token: contextvars.Token[bool]) -> None:
    _pinned.reset(token)


def reads_go_to_primary() -> bool:
    return _pinned.get() or connections[PRIMARY].in_atomic_block


# --- The standby's health, as this process last saw it -----------------------------------------

# Seconds of replay the standby is behind: only while it has received WAL it has not replayed yet
# (an idle primary sends nothing, and that is not lag). A standby that is not receiving at all
# (its walreceiver down) cannot say how far behind it is: counted from its last replay too.
REPLICA_LAG_SQL = """
    SELECT CASE
        WHEN NOT pg_is_in_recovery() THEN 0
        WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
        ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
    END
"""


@dataclass(frozen=True)
class ReplicaState:
    usable: bool
    lag_seconds: float | None  # None: unreachable
    checked_at: float


class ReplicaHealth:
    """Whether reads may go to the standby: it answered within the last second and its lag is
    under REPLICA_MAX_LAG_SECONDS. One probe per process per REPLICA_HEALTH_CHECK_SECONDS, on
    a connection of its own (short connect timeout, never from the pool, so a dead standby
    costs one request at most that long); threads that find a probe under way use the last
    answer instead of waiting. An unreachable standby is left alone for
    REPLICA_RETRY_AFTER_SECONDS."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._state = ReplicaState(usable=True, lag_seconds=0.0, checked_at=-1e9)
        self._down_until = 0.0
        self._probe: psycopg.Connection | None = None
        self._probe_key: tuple[Any, ...] = ()
        self._probe_pid = 0

    def usable(self) -> bool:
        if _replica_is_the_primary():
            return True
        now = time.monotonic()
        if now < self._down_until:
            return False
        if now - self._state.checked_at < settings.REPLICA_HEALTH_CHECK_SECONDS:
            return self._state.usable
        if not self._lock.acquire(blocking=False):
            return self._state.usable
        try:
            self._state = self._check()
        finally:
            self._lock.release()
        return self._state.usable

    def state(self) -> ReplicaState:
        return self._state

    def mark_down(self, reason: str) -> None:
        self._down_until = time.monotonic() + settings.REPLICA_RETRY_AFTER_SECONDS
        self._state = ReplicaState(usable=False, lag_seconds=None, checked_at=time.monotonic())
        logger.warning("replica_unavailable", reason=reason)

    def forget(self) -> None:
        """Drop what this process knows (tests, or settings that changed under it)."""
        with self._lock:
            self._close_probe()
            self._state = ReplicaState(usable=True, lag_seconds=0.0, checked_at=-1e9)
            self._down_until = 0.0

    def _check(self) -> ReplicaState:
        try:
            lag = self._measure_lag()
        except psycopg.Error as error:
            self._close_probe()
            self.mark_down(type(error).__name__)
            return self._state
        usable = lag <= settings.REPLICA_MAX_LAG_SECONDS
        if not usable:
            logger.info("replica_lagging", lag_seconds=round(lag, 3))
        return ReplicaState(usable=usable, lag_seconds=lag, checked_at=time.monotonic())

    def _measure_lag(self) -> float:
        params = _probe_params()
        key = tuple(sorted(params.items()))
        # A forked child never uses its parent's socket, and new settings mean a new server.
        current = self._probe_pid == os.getpid() and self._probe_key == key
        if self._probe is None or self._probe.closed or not current:
            self._close_probe()
            self._probe = psycopg.connect(**params, autocommit=True)
            self._probe_key, self._probe_pid = key, os.getpid()
        row = self._probe.execute(REPLICA_LAG_SQL).fetchone()
        return max(float(row[0]) if row else 0.0, 0.0)

    def _close_probe(self) -> None:
        if self._probe is not None and self._probe_pid == os.getpid():
            self._probe.close()
        self._probe = None


def _probe_params() -> dict[str, Any]:
    db = connections[REPLICA].settings_dict
    params: dict[str, Any] = {
        "dbname": db["NAME"],
        "connect_timeout": settings.REPLICA_CONNECT_TIMEOUT_SECONDS,
        "application_name": "docket-replica-health",
    }
    for name in ("user", "password", "host", "port"):
        if db.get(name.upper()):
            params[name] = db[name.upper()]
    return params


def _replica_is_the_primary() -> bool:
    """`replica` configured as the primary itself (no standby, or the tests' mirror)."""
    replica, primary = connections[REPLICA].settings_dict, connections[PRIMARY].settings_dict
    return all(replica.get(key) == primary.get(key) for key in ("HOST", "PORT", "NAME"))


replica_health = ReplicaHealth()


def _replica_connection_ready() -> bool:
    """Connect `replica` now, so that a standby gone since the last probe costs a fallback and
    not a failed request; a failed connect leaves nothing behind in the alias."""
    replica = connections[REPLICA]
    if replica.connection is not None:
        return True
    try:
        replica.ensure_connection()
    except DatabaseError as error:
        replica.close()
        replica_health.mark_down(type(error.__cause__ or error).__name__)
        return False
    return True


class PrimaryReplicaRouter:
    def db_for_read(self, model: type, **hints: Any) -> str:
        if reads_go_to_primary():
            return PRIMARY
        if _replica_is_the_primary():
            return REPLICA
        if not replica_health.usable() or not _replica_connection_ready():
            return PRIMARY
        return REPLICA

    def db_for_write(self, model: type, **hints: Any) -> str:
        # Whatever this request or task reads from now on must include this write.
        _pinned.set(True)
        return PRIMARY

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool:
        # Both aliases hold the same data, so objects from either may be related.
        return True

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool:
        return db == PRIMARY
