"""Backoff of failed sign-ins per account, from wherever they come.

The per (account, address) throttle (docket.core.throttling.AuthAccountThrottle) stops one
address guessing; this slows a guesser who spreads over many. After
SIGN_IN_BACKOFF_FREE_FAILURES failures within SIGN_IN_BACKOFF_WINDOW_SECONDS, each further
failure closes the account to password sign-in for twice as long as the one before
(SIGN_IN_BACKOFF_BASE_SECONDS, then double, up to SIGN_IN_BACKOFF_MAX_SECONDS).

It must not become a way to lock the owner out: a client that still holds a live refresh
session of the account (a known device) signs in with the right password whatever the backoff,
and a successful sign-in forgets the failures. Counters live in Redis; without it there is no
backoff (the per-address throttles fail open the same way).
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from docket.core.cache_fallback import with_cache


def _key(kind: str, email: str) -> str:
    # Hashed: the address is untrusted text and must not be a key as it is.
    digest = hashlib.sha256(email.strip().lower().encode("utf-8", "surrogatepass")).hexdigest()
    return f"sign-in-backoff:{kind}:{digest}"


def sign_in_wait_seconds(email: str) -> int:
    """Seconds until password sign-in to this account is tried again; 0 when it may be now."""

    def read() -> int:
        until = cache.get(_key("until", email))
        return max(0, int(until - time.time() + 0.999)) if until else 0

    return with_cache("sign_in_backoff", read, lambda: 0)


def sign_in_failed(email: str) -> None:
    """Count a failed sign-in; past the free ones, close the account for the next backoff."""

    def record() -> None:
        failures_key = _key("failures", email)
        window = settings.SIGN_IN_BACKOFF_WINDOW_SECONDS
        cache.add(failures_key, 0, timeout=window)
        try:
            failures = cache.incr(failures_key)
        except ValueError:  # the window ran out between the two calls
            cache.set(failures_key, failures := 1, timeout=window)
        beyond = failures - settings.SIGN_IN_BACKOFF_FREE_FAILURES
        if beyond <= 0:
            return
        wait = min(
            settings.SIGN_IN_BACKOFF_BASE_SECONDS * 2 ** min(beyond - 1, 30),
            settings.SIGN_IN_BACKOFF_MAX_SECONDS,
        )
        cache.set(_key("until", email), time.time() + wait, timeout=int(wait) + 1)

    with_cache("sign_in_backoff", record, lambda: None)


def sign_in_succeeded(email: str) -> None:
    with_cache(
        "sign_in_backoff",
        lambda: cache.delete_many([_key("failures", email), _key("until", email)]),
        lambda: None,
    )
