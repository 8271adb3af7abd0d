"""Idempotency keys (Stripe's semantics): a POST made again with the same `Idempotency-Key`
gets the first answer back instead of running again.

A key is scoped (docket.http.idempotency builds the scope): to the user, the credential (the
personal access token, or the user's sessions), and for workspace endpoints the membership and
its role, so a token of another workspace, a member removed (or re-invited) since, or a member
whose role changed never replays another credential's answer. A keyed request runs in one
transaction on the primary, and the key lives in that transaction: it is claimed first (a
transaction-scoped advisory lock, so a concurrent duplicate is told at once that the first is in
flight, then an INSERT ... ON CONFLICT on the unique lookup), the request's changes follow, and
its answer is stored before the commit. So a committed write always has its answer, and a write
that did not commit leaves no claim: its retry runs afresh, once. A key lives 24 hours; beat
deletes expired ones.

Stored answers hold secrets (a token, a webhook signing secret, an invitation link), so the row
keeps nothing a database reader can use (docs/integrations.md, "Idempotency"):

- `lookup` = HMAC-SHA256(server secret, scope + key): the row is found without storing the key;
- the answer's headers and body are sealed with AES-256-GCM under HMAC-SHA256(server secret,
  scope + key) with another label, bound to the row's lookup: only a request that carries the
  client's key (and passes every check to reach the claim) can open it;
- the fingerprint of the request is an HMAC under that same key, so a body holding a password
  is not kept as a plain hash either.

The server secret alone does not open anything either: the client's key is never stored.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import json
import os
import re
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.db import connections, router
from django.utils import timezone

from docket.core.models import IdempotencyKey, IdempotencyRecord

KEY_LIFETIME = datetime.timedelta(hours=24)
# A claim committed without an answer (left by versions that claimed keys outside the write's
# transaction) is taken over after this long.
ABANDONED_AFTER = datetime.timedelta(minutes=5)
# Printable ASCII, space included, 1 to 255 characters.
_VALID_KEY = re.compile(r"[\x20-\x7e]{1,255}")
_NONCE_BYTES = 12


def is_valid_key(key: str) -> bool:
    return _VALID_KEY.fullmatch(key) is not None


@dataclass(frozen=True)
class KeyMaterial:
    """What the server derives from a client's key in its scope; the key itself is not kept."""

    lookup: str
    sealing_key: bytes

    @classmethod
    def derive(cls, *, scope: str, key: str) -> KeyMaterial:
        secret = settings.SECRET_KEY.encode()
        message = b"\0".join((scope.encode(), key.encode()))
        return cls(
            lookup=hmac.new(secret, b"docket.idempotency.lookup\0" + message, "sha256").hexdigest(),
            sealing_key=hmac.new(secret, b"docket.idempotency.seal\0" + message, "sha256").digest(),
        )

    def fingerprint(self, *, method: str, path: str, body: bytes) -> str:
        """What makes two requests "the same": method, path with query string, and body."""
        parts = b"".join(
            hashlib.sha256(part).digest() for part in (method.encode(), path.encode(), body)
        )
        return hmac.new(self.sealing_key, parts, "sha256").hexdigest()

    def seal(self, *, headers: dict[str, str], body: bytes) -> bytes:
        plain = json.dumps({"headers": headers}).encode() + b"\n" + body
        nonce = os.urandom(_NONCE_BYTES)
        return nonce + AESGCM(self.sealing_key).encrypt(nonce, plain, self.lookup.encode())

    def open(self, sealed: bytes) -> tuple[dict[str, str], bytes] | None:
        """The stored headers and body; None if they do not open (the row was altered)."""
        nonce, ciphertext = sealed[:_NONCE_BYTES], sealed[_NONCE_BYTES:]
        try:
            plain = AESGCM(self.sealing_key).decrypt(nonce, ciphertext, self.lookup.encode())
        except InvalidTag:
            return None
        meta, _, body = plain.partition(b"\n")
        return dict(json.loads(meta)["headers"]), body


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

_TABLE = IdempotencyRecord._meta.db_table

_CLAIM = f"""
    INSERT INTO {_TABLE} AS held (user_id, lookup, fingerprint, created_at)
    VALUES (%(user_id)s, %(lookup)s, %(fingerprint)s, %(now)s)
    ON CONFLICT (lookup) DO UPDATE
        SET fingerprint = EXCLUDED.fingerprint,
            created_at = EXCLUDED.created_at,
            response_status = NULL,
            response_sealed = NULL
        WHERE held.created_at < %(expired_before)s
           OR (held.response_status IS NULL AND held.created_at < %(abandoned_before)s)
    RETURNING id
"""  # noqa: S608 - the table name is ours, values are parameters


# Held until the claiming transaction ends: commit (with the answer stored) or rollback.
_LOCK = "SELECT pg_try_advisory_xact_lock(hashtextextended(%s, 0))"


def idempotency_claim(*, user_id: Any, material: KeyMaterial, fingerprint: str) -> Outcome:
    """Claim the key `material` was derived from, for `user_id`, inside the caller's
    transaction on the primary (the request's own, docket.http.idempotency), or say why not:
    the stored answer to replay, the first request still in flight, or the key used for another
    request. An expired key is taken over. The claim lasts as long as the transaction: store the
    answer before it commits."""
    alias = router.db_for_write(IdempotencyRecord)
    if not connections[alias].in_atomic_block:
        raise RuntimeError("An idempotency key is claimed inside the request's transaction.")
    with connections[alias].cursor() as cursor:
        cursor.execute(_LOCK, [f"idempotency:{material.lookup}"])
        row = cursor.fetchone()
    if not (row and row[0]):
        return InFlight()
    now = timezone.now()
    params = {
        "user_id": user_id,
        "lookup": material.lookup,
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
            IdempotencyRecord.objects.using(alias)
            .filter(lookup=material.lookup)
            .values_list("fingerprint", "response_status", "response_sealed")
            .first()
        )
        if held is None:
            continue
        held_fingerprint, status, sealed = held
        if not hmac.compare_digest(held_fingerprint, fingerprint):
            return Reused()
        if status is None:
            return InFlight()
        opened = material.open(bytes(sealed or b""))
        if opened is None:
            return InFlight()
        headers, body = opened
        return Replay(status=status, headers=headers, body=body)
    return InFlight()


def idempotency_store(
    *, claim_id: int, material: KeyMaterial, status: int, headers: dict[str, str], body: bytes
) -> None:
    """Keep the answer of the claimed request for replays, sealed, in the transaction of its
    claim."""
    IdempotencyRecord.objects.using(router.db_for_write(IdempotencyRecord)).filter(
        pk=claim_id
    ).update(response_status=status, response_sealed=material.seal(headers=headers, body=body))


def idempotency_keys_expire() -> int:
    """Delete keys older than their lifetime (and the superseded table's); returns how many."""
    expired_before = timezone.now() - KEY_LIFETIME
    deleted, _ = IdempotencyRecord.objects.filter(created_at__lt=expired_before).delete()
    legacy, _ = IdempotencyKey.objects.filter(created_at__lt=expired_before).delete()
    return deleted + legacy
