"""Retries below the generated client, as an httpx transport.

Every request the generated code sends passes through `RetryTransport`, so every operation gets
the same policy without wrapping each function:

- Connection failures, `429 Too Many Requests` and `503 Service Unavailable` are retried, up to
  `RetryPolicy.attempts` tries in all and `RetryPolicy.max_total` seconds (tries and waits
  together), waiting `Retry-After` when the server names a wait and otherwise a capped
  exponential backoff with full jitter.
- A `POST` gets an `Idempotency-Key` (a random UUID) before its first try unless the caller set
  one, and every retry sends the same request, so the same key: the server runs it once and
  answers a retry with the first answer (`Idempotent-Replayed: true`). A retry never creates
  twice.
- A `409 idempotency_key_in_flight` (the same key's first try is still running on the server,
  e.g. after a timeout) is retried with backoff until the first try's answer can be replayed.
- A 429 means nothing ran, so it is retried for every method. A 503 may come after the work was
  done (the database lost at commit, a gateway giving up on a slow answer), so it is retried only
  for requests the server may see twice: `GET`, `HEAD`, `OPTIONS`, `PUT`, `DELETE`, and a `POST`
  with an `Idempotency-Key`. A `PATCH` is retried only when the connection was never made or the
  answer was 429.
"""

from __future__ import annotations

import email.utils
import json
import random
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

IDEMPOTENCY_KEY = "Idempotency-Key"
RETRY_STATUSES = frozenset({429, 503})
# Methods the server may safely see twice (RFC 9110 idempotent methods), plus POST, which the
# key makes safe. PATCH is left out: a lost answer to one may hide a write that happened.
_REPEATABLE = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "POST"})
# Answers that say nothing ran, whatever the method.
_NOTHING_RAN = frozenset({429})
# Failures raised before the request could reach the server: safe to retry for any method.
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


@dataclass(frozen=True)
class RetryPolicy:
    """How many times to try, and how long to wait in between.

    `attempts` counts every try (the first included). The n-th wait (from 0) is a random time in
    `[0, min(max_delay, base_delay * 2**n)]` unless the answer carries `Retry-After`, which is
    honoured up to `max_retry_after` (a longer demand is not retried: the error is returned).
    `max_total` bounds the seconds spent on one request, tries and waits together: a retry whose
    wait would end past it is not made, and the last answer is returned. `sleep` and `jitter` (a
    number in [0, 1)) are there for tests.
    """

    attempts: int = 4
    base_delay: float = 0.25
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    max_total: float = 90.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    jitter: Callable[[], float] = field(default=random.random, repr=False)

    def backoff(self, retry: int) -> float:
        return self.jitter() * min(self.max_delay, self.base_delay * 2.0**retry)


NO_RETRIES = RetryPolicy(attempts=1)


def retry_after_seconds(value: str | None, *, now: datetime | None = None) -> float | None:
    """`Retry-After` as seconds from now: delay-seconds or an HTTP date; None if absent or bad."""
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def may_repeat(request: httpx.Request) -> bool:
    """Whether the server may see `request` twice: an idempotent method, or a POST with a key
    (which the server runs once). The transport keys every POST it sends before this is asked."""
    if request.method == "POST":
        return bool(request.headers.get(IDEMPOTENCY_KEY, "").strip())
    return request.method in _REPEATABLE


class RetryTransport(httpx.BaseTransport):
    """Wraps another transport (by default a plain `httpx.HTTPTransport`) with `RetryPolicy`."""

    def __init__(
        self, policy: RetryPolicy | None = None, wrapped: httpx.BaseTransport | None = None
    ) -> None:
        self.policy = policy or RetryPolicy()
        self.wrapped = wrapped or httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and IDEMPOTENCY_KEY not in request.headers:
            request.headers[IDEMPOTENCY_KEY] = str(uuid.uuid4())
        repeatable = may_repeat(request)
        policy = self.policy
        # Seconds spent so far: the tries as measured, the waits as asked of `policy.sleep`.
        spent = 0.0
        for retry in range(policy.attempts):
            last_try = retry == policy.attempts - 1
            started = time.monotonic()
            try:
                response = self.wrapped.handle_request(request)
            except httpx.TransportError as exc:
                spent += time.monotonic() - started
                backoff = policy.backoff(retry)
                if (
                    last_try
                    or not (repeatable or isinstance(exc, _NOT_SENT))
                    or spent + backoff > policy.max_total
                ):
                    raise
                policy.sleep(backoff)
                spent += backoff
                continue
            spent += time.monotonic() - started
            if last_try or not self._retryable(request, response, repeatable=repeatable):
                return _as_problem(response, request)
            wait = retry_after_seconds(response.headers.get("Retry-After"))
            if wait is not None and wait > policy.max_retry_after:
                return _as_problem(response, request)
            if wait is None:
                wait = policy.backoff(retry)
            if spent + wait > policy.max_total:
                return _as_problem(response, request)
            response.read()
            response.close()
            policy.sleep(wait)
            spent += wait
        raise AssertionError("unreachable: the last try returns or raises")  # pragma: no cover

    @staticmethod
    def _retryable(request: httpx.Request, response: httpx.Response, *, repeatable: bool) -> bool:
        if response.status_code in _NOTHING_RAN:
            return True
        if response.status_code in RETRY_STATUSES:
            return repeatable
        if response.status_code != 409 or IDEMPOTENCY_KEY not in request.headers:
            return False
        try:
            problem = json.loads(response.read())
        except ValueError:
            return False
        return isinstance(problem, dict) and problem.get("code") == "idempotency_key_in_flight"

    def close(self) -> None:
        self.wrapped.close()


def _as_problem(response: httpx.Response, request: httpx.Request) -> httpx.Response:
    """An error answered by something in front of Docket (a gateway's bare 429 or 503) carries no
    problem document; give it a minimal one, so the generated parser and `ApiError` treat it like
    Docket's own errors instead of failing to read it."""
    if response.status_code < 400:
        return response
    response.read()
    if "json" in response.headers.get("content-type", ""):
        return response
    problem = {
        "type": "about:blank",
        "title": response.reason_phrase or "Error",
        "status": response.status_code,
        "code": f"http_{response.status_code}",
        "detail": response.text[:500],
        "errors": [],
    }
    headers = [
        (name, value)
        for name, value in response.headers.multi_items()
        if name.lower() not in ("content-type", "content-length", "content-encoding")
    ]
    headers.append(("content-type", "application/problem+json"))
    return httpx.Response(
        response.status_code,
        headers=headers,
        content=json.dumps(problem).encode(),
        request=request,
    )
