"""CORS: only the SPA origins, with credentials (the refresh cookie)."""

from .env import env

CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=["http://localhost:5173"])
CORS_ALLOW_CREDENTIALS = True
CORS_EXPOSE_HEADERS = [
    "X-Request-ID",
    "Retry-After",
    "ETag",
    "Idempotent-Replayed",
    "RateLimit",
    "RateLimit-Policy",
]
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "content-type",
    "x-request-id",
    "idempotency-key",
    "if-match",
    "if-none-match",
]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
