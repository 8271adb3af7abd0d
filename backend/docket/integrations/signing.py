"""Standard Webhooks signatures (https://www.standardwebhooks.com): every payload carries
`webhook-id`, `webhook-timestamp` and `webhook-signature`, an HMAC-SHA256 of
`<id>.<timestamp>.<body>` under each secret still valid, so a receiver holding either the new or
the previous secret during a rotation accepts it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Iterable

SECRET_PREFIX = "whsec_"  # noqa: S105  # a public marker, not a secret


def new_secret() -> str:
    """A signing secret in the format Standard Webhooks libraries read: whsec_ + base64 of
    32 random bytes."""
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def signature(*, secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(
    *, valid_secrets: Iterable[str], message_id: str, timestamp: int, body: bytes
) -> dict[str, str]:
    signatures = " ".join(
        signature(secret=secret, message_id=message_id, timestamp=timestamp, body=body)
        for secret in valid_secrets
    )
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signatures,
        "content-type": "application/json",
    }
