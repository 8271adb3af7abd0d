"""Rate limits (docket.core.ratelimit): `<count>/<period>`, period second|minute|hour|day or
`<n>s`. Counted in Redis, shared by every API process."""

from .cache import REDIS_URL
from .env import env

# Generous: the SPA, the browser tests and the fuzzer stay well inside them; they stop runaway
# scripts and floods.
# Off only to measure what the limiter costs (bench/bench_rate_limit.py).
RATE_LIMIT_ENABLED = env.bool("RATE_LIMIT_ENABLED", default=True)
RATE_LIMITS = {
    "user-read": env.str("RATE_LIMIT_USER_READ", default="1200/minute"),
    "user-write": env.str("RATE_LIMIT_USER_WRITE", default="300/minute"),
    "token-read": env.str("RATE_LIMIT_TOKEN_READ", default="1200/minute"),
    "token-write": env.str("RATE_LIMIT_TOKEN_WRITE", default="300/minute"),
    "workspace-read": env.str("RATE_LIMIT_WORKSPACE_READ", default="6000/minute"),
    "workspace-write": env.str("RATE_LIMIT_WORKSPACE_WRITE", default="1200/minute"),
    "anon": env.str("RATE_LIMIT_ANON", default="300/minute"),
}
# Its own Redis connection (short timeouts: a slow Redis must not slow every request).
RATE_LIMIT_REDIS_URL = env.str("RATE_LIMIT_REDIS_URL", default=REDIS_URL)
RATE_LIMIT_REDIS_TIMEOUT = env.float("RATE_LIMIT_REDIS_TIMEOUT", default=0.25)
RATE_LIMIT_KEY_PREFIX = env.str("RATE_LIMIT_KEY_PREFIX", default="docket-rl")
