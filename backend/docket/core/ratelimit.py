"""Rate limits on the API, shared by every API process through Redis.

Each request is counted against quota policies (names as the `RateLimit` headers show them):

- `user-read` / `user-write`: the signed-in person (session or JWT);
- `token-read` / `token-write`: a personal access token, a bucket of its own beside its owner's;
- `anon`: requests without credentials (sign-in, registration, refresh), per client IP;
- `workspace-read` / `workspace-write`: every member and token of one workspace together,
  counted only once the caller is known to be a member (an outsider's 404 costs the workspace
  nothing, so nobody can exhaust a workspace they are not in).

Reads are GET, HEAD and OPTIONS; anything else is a write. Rates are `<count>/<period>` from
settings.RATE_LIMITS (environment variables `RATE_LIMIT_<POLICY>`).

The algorithm is a fixed window that opens at a bucket's first request (INCR, then PEXPIRE
when the count is new), in one Lua script, so the check is atomic across processes and costs
one round trip. Chosen over GCRA or a sliding log because the IETF fields describe exactly this
model (a quota `q` per window `w`, `r` left, `t` seconds until the window ends): the numbers we
send are the numbers we enforce, and the key is one integer with a TTL. Its known weakness, a
burst of up to twice the quota around a window's end, is acceptable for limits that protect
capacity rather than meter billing; anchoring the window on the first request (not the clock)
keeps a steady client from seeing it at every boundary.

If Redis cannot be reached the request is served, unlimited, with a warning in the log: the
limiter protects the service from overload, and refusing every request because the counter
store is down would turn a Redis outage into a full API outage. After a failure the limiter
leaves Redis alone for a few seconds, so requests do not each wait out a connection timeout.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from typing import Any

import redis
import structlog
from django.conf import settings

logger = structlog.get_logger(__name__)

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Where a request (the Django HttpRequest) keeps the usages it was counted for, for the headers
# (docket.http.middleware.RateLimitHeadersMiddleware).
USAGES_ATTRIBUTE = "rate_limit_usages"

_PERIODS = {"s": 1, "sec": 1, "second": 1, "m": 60, "min": 60, "minute": 60, "h": 3600,
            "hour": 3600, "d": 86400, "day": 86400}  # fmt: skip

# KEYS[1] the bucket; ARGV[1] the window in ms. Returns {count so far, ms until the window ends}.
_HIT = """
local count = redis.call('INCR', KEYS[1])
if count == 1 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
    redis.call('PEXPIRE', KEYS[1], ARGV[1])
    ttl = tonumber(ARGV[1])
end
return {count, ttl}
"""

# After a Redis failure, checks are skipped (served unlimited) for this long.
_BACKOFF_SECONDS = 5.0


@dataclass(frozen=True)
class Policy:
    name: str
    quota: int
    window: int  # seconds

    def header_item(self) -> str:
        return f'"{self.name}";q={self.quota};w={self.window}'


@dataclass(frozen=True)
class Usage:
    """One request counted against one policy: what is left of it and when its window ends."""

    policy: Policy
    remaining: int
    reset: int  # whole seconds, rounded up
    allowed: bool

    def header_item(self) -> str:
        return f'"{self.policy.name}";r={self.remaining};t={self.reset}'


def parse_rate(rate: str) -> tuple[int, int]:
    """`"1200/minute"` -> (1200, 60); `"2/second"`, `"5/10s"` (5 per 10 seconds) also work."""
    count, _, period = rate.partition("/")
    period = period.strip().lower()
    digits = "".join(c for c in period if c.isdigit())
    unit = period[len(digits) :]
    if unit not in _PERIODS or int(count) < 0:
        raise ValueError(f"Unknown rate {rate!r}; expected e.g. 1200/minute or 5/10s")
    return int(count), int(digits or 1) * _PERIODS[unit]


def policy(name: str) -> Policy:
    quota, window = parse_rate(settings.RATE_LIMITS[name])
    return Policy(name=name, quota=quota, window=window)


class _RedisState:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.clients: dict[str, Any] = {}
        self.down_until: dict[str, float] = {}
        self.scripts: dict[str, Any] = {}

    def script(self, url: str) -> Any:
        with self.lock:
            if url not in self.scripts:
                client = redis.Redis.from_url(
                    url,
                    socket_connect_timeout=settings.RATE_LIMIT_REDIS_TIMEOUT,
                    socket_timeout=settings.RATE_LIMIT_REDIS_TIMEOUT,
                )
                self.clients[url] = client
                self.scripts[url] = client.register_script(_HIT)
            return self.scripts[url]


_state = _RedisState()


def hit(policy: Policy, partition: str) -> Usage | None:
    """Count one request against `policy` for `partition` (a user, token, workspace or IP).
    None when Redis could not be asked: the caller serves the request (fail open)."""
    url = settings.RATE_LIMIT_REDIS_URL
    if time.monotonic() < _state.down_until.get(url, 0.0):
        return None
    key = (
        f"{settings.RATE_LIMIT_KEY_PREFIX}:{policy.name}:{policy.quota}/{policy.window}:{partition}"
    )
    try:
        count, ttl_ms = _state.script(url)(keys=[key], args=[policy.window * 1000])
    except redis.RedisError as error:
        _state.down_until[url] = time.monotonic() + _BACKOFF_SECONDS
        logger.warning("rate_limit_unavailable", error=str(error), policy=policy.name)
        return None
    return Usage(
        policy=policy,
        remaining=max(0, policy.quota - int(count)),
        reset=max(1, -(-int(ttl_ms) // 1000)),
        allowed=int(count) <= policy.quota,
    )


def reset_backoff() -> None:
    """Forget recent Redis failures (tests that bring the limiter back)."""
    _state.down_until.clear()


def nearest_first(usages: list[Usage]) -> list[Usage]:
    """Policies ordered by how close to exhaustion they are (a refused one first)."""
    return sorted(usages, key=lambda u: (u.allowed, u.remaining / max(1, u.policy.quota)))


def response_headers(usages: list[Usage]) -> dict[str, str]:
    """The IETF `RateLimit-Policy` and `RateLimit` fields (draft-ietf-httpapi-ratelimit-headers):
    structured-field lists with one item per policy the request was counted against, the one
    nearest exhaustion first."""
    ordered = nearest_first(usages)
    return {
        "RateLimit-Policy": ", ".join(u.policy.header_item() for u in ordered),
        "RateLimit": ", ".join(u.header_item() for u in ordered),
    }
