"""Verifying Docket's webhooks on the receiving side (Standard Webhooks signatures).

    payload = verify_webhook(secret, request.headers, request.body)

raises `WebhookVerificationError` for anything not signed with `secret` (or signed too long ago),
and returns the parsed payload otherwise: `{"type": ..., "timestamp": ..., "data": {...}}`.
Deduplicate on the `webhook-id` header: delivery is at least once.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from typing import Any

SECRET_PREFIX = "whsec_"  # noqa: S105  # a public marker, not a secret
DEFAULT_TOLERANCE_SECONDS = 300


class WebhookVerificationError(Exception):
    """The request is not a delivery signed by Docket with this secret, or it is too old."""


def _header(headers: Mapping[str, str], name: str) -> str:
    for key, value in headers.items():
        if key.lower() == name:
            return value
    raise WebhookVerificationError(f"missing {name} header")


def verify_webhook(
    secret: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    tolerance_seconds: int = DEFAULT_TOLERANCE_SECONDS,
    now: float | None = None,
) -> dict[str, Any]:
    message_id = _header(headers, "webhook-id")
    timestamp = _header(headers, "webhook-timestamp")
    try:
        sent_at = int(timestamp)
    except ValueError as exc:
        raise WebhookVerificationError("webhook-timestamp is not a number") from exc
    # A replayed old request is refused, and so is one from too far in the future.
    if abs((time.time() if now is None else now) - sent_at) > tolerance_seconds:
        raise WebhookVerificationError("webhook-timestamp is outside the tolerance")
    try:
        key = base64.b64decode(secret.removeprefix(SECRET_PREFIX), validate=True)
    except binascii.Error as exc:
        raise WebhookVerificationError("the secret is not a whsec_ secret") from exc
    signed = f"{message_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    for entry in _header(headers, "webhook-signature").split():
        version, _, candidate = entry.partition(",")
        if version == "v1" and hmac.compare_digest(expected, candidate):
            payload: dict[str, Any] = json.loads(body)
            return payload
    raise WebhookVerificationError("no signature matches the secret")
