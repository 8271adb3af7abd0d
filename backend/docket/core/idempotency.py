"""Idempotency keys (Stripe's semantics): a POST made again with the same `Idempotency-Key`
gets the first answer back instead of running again.

Keys are scoped per user (anonymous POSTs, i.e. sign-in and registration, take none: their
answers hold credentials, which are not to be stored). A keyed request runs in one transaction
on the primary (docket.http.idempotency), and the key lives in that transaction: it is claimed
first (a transaction-scoped advisory lock on the user and key, so a concurrent duplicate is told
at once that the first is in flight, then an INSERT ... ON CONFLICT on the unique (user, key)
index), the request's changes follow, and its answer is stored before the commit. So a committed
write always has its answer, and a write that did not commit (a 5xx, a throttled 429, a process
killed mid-request, a database gone) leaves no claim: its retry runs afresh, once. A key lives
24 hours; beat deletes expired ones.
"""

from __future__ import annotations

import datetime
import hashlib
import re
from dataclasses import dataclass
from typing import Any

from django.db import connections, router
from django.utils import timezone

from docket.core.models import IdempotencyKey

KEY_LIFETIME = datetime.timedelta(hours=24)
# A claim committed without an answer (left by versions that claimed keys outside the write's
# transaction) is taken over after this long.
ABANDONED_AFTER = datetime.timedelta(minutes=5)
# Printable ASCII, space included, 1 to 255 characters.
_VALID_KEY = re.compile(r"[\x20-\x7e]{1,255}")


def is_valid_key(key: str) -> bool:
    return _VALID_KEY.fullmatch(key) is not None


def request_fingerprint(*, method: str, path: str, body: bytes) -> str:
    """What makes two requests "the same": method, path with query string, and body."""
    digest = hashlib.sha256()
    for part in (method.encode(), path.encode(), body):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


@dataclass(frozen=True)
class Claimed:
    """The key is ours: run the request, then store or release its answer."""

    claim_id: int


@dataclass(frozen=True)
class Replay:
    status: int
    headers: dict[str, str]
    body: bytes


@dataclass(frozen=True)
class InFlight:
    """The first request with this key has not answered yet."""


@dataclass(frozen=True)
class Reused:
    """The key was used for another request (method, path or body differ)."""


Outcome = Claimed | Replay | InFlight | Reused

_TABLE = IdempotencyKey._meta.db_table

_CLAIM = f"""
    INSERT INTO {_TABLE} AS held (user_id, key, fingerprint, created_at, response_headers)
    VALUES (%(user_id)s, %(key)s, %(fingerprint)s, %(now)s, '{{}}')
    ON CONFLICT (user_id, key) DO UPDATE
        SET fingerprint = EXCLUDED.fingerprint,
            created_at = EXCLUDED.created_at,
            response_status = NULL,
            response_headers = '{{}}',
            response_body = NULL
        WHERE held.created_at < %(expired_before)s
           OR (held.response_status IS NULL AND held.created_at < %(abandoned_before)s)
    RETURNING id
"""  # noqa: S608 - the table name is ours, values are parameters


# Held until the claiming transaction ends: commit (with the answer stored) or rollback.
_LOCK = "SELECT pg_try_advisory_xact_lock(hashtextextended(%s, 0))"


def idempotency_claim(*, user_id: Any, key: str, fingerprint: str) -> Outcome:
    """Claim `key` for `user_id` inside the caller's transaction on the primary (the request's
    own, docket.http.idempotency), or say why not: the stored answer to replay, the first
    request still in flight, or the key used for another request. An expired key is taken
    over. The claim lasts as long as the transaction: store the answer before it commits."""
    alias = router.db_for_write(IdempotencyKey)
    if not connections[alias].in_atomic_block:
        raise RuntimeError("An idempotency key is claimed inside the request's transaction.")
    with connections[alias].cursor() as cursor:
        cursor.execute(_LOCK, [f"idempotency:{user_id}:{key}"])
        row = cursor.fetchone()
    if not (row and row[0]):
        return InFlight()
    now = timezone.now()
    params = {
        "user_id": user_id,
        "key": key,
        "fingerprint": fingerprint,
        "now": now,
        "expired_before": now - KEY_LIFETIME,
        "abandoned_before": now - ABANDONED_AFTER,
    }
    for _attempt in range(3):  # the held key may be released between the two statements
        with connections[alias].cursor() as cursor:
            cursor.execute(_CLAIM, params)
            row = cursor.fetchone()
        if row is not None:
            return Claimed(row[0])
        held = (
            IdempotencyKey.objects.using(alias)
            .filter(user_id=user_id, key=key)
            .values_list("fingerprint", "response_status", "response_headers", "response_body")
            .first()
        )
        if held is None:
            continue
        held_fingerprint, status, headers, body = held
        if held_fingerprint != fingerprint:
            return Reused()
        if status is None:
            return InFlight()
        return Replay(status=status, headers=dict(headers), body=bytes(body or b""))
    return InFlight()


def idempotency_store(*, claim_id: int, status: int, headers: dict[str, str], body: bytes) -> None:
    """Keep the answer of the claimed request for replays, in the transaction of its claim."""
    IdempotencyKey.objects.using(router.db_for_write(IdempotencyKey)).filter(pk=claim_id).update(
        response_status=status, response_headers=headers, response_body=body
    )


def idempotency_keys_expire() -> int:
    """Delete keys older than their lifetime; returns how many."""
    expired_before = timezone.now() - KEY_LIFETIME
    deleted, _ = IdempotencyKey.objects.filter(created_at__lt=expired_before).delete()
    return deleted
