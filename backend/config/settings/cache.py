"""Redis as the cache: throttling and shared state."""

from .env import env

REDIS_URL = env.str("REDIS_URL", default="redis://localhost:6379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="docket"),
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}
# After Redis fails, the request path leaves it alone this long (docket.core.cache_fallback).
CACHE_RETRY_AFTER_SECONDS = env.float("CACHE_RETRY_AFTER_SECONDS", default=2.0)
