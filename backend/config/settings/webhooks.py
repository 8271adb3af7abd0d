"""Webhooks (docket.integrations): where they may go, timeouts, retries, and when an endpoint is
turned off."""

from .celery import CELERY_BEAT_SCHEDULE
from .env import env

# Receivers on private, loopback or link-local addresses are refused (SSRF): only a developer's
# machine or a test turns this on.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env.bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", default=False)
WEBHOOK_REQUIRE_HTTPS = env.bool("WEBHOOK_REQUIRE_HTTPS", default=True)
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
# Waits after the 1st, 2nd, ... failed attempt: 12 attempts over 67.6 hours (just under 3 days),
# then the delivery fails.
WEBHOOK_RETRY_DELAYS: list[float] = env.list(
    "WEBHOOK_RETRY_DELAYS",
    cast=float,
    default=[5, 300, 1800, 7200, 18000, 36000, 36000, 36000, 36000, 36000, 36000],
)
# Retries due sooner than this are timed by the broker; later ones by beat's sweep.
WEBHOOK_COUNTDOWN_MAX_SECONDS = env.float("WEBHOOK_COUNTDOWN_MAX_SECONDS", default=60.0)
# An endpoint whose every attempt failed for this long is turned off and its admins emailed.
WEBHOOK_DISABLE_AFTER_SECONDS = env.int("WEBHOOK_DISABLE_AFTER_SECONDS", default=3 * 24 * 3600)
CELERY_BEAT_SCHEDULE["deliver-due-webhooks"] = {
    "task": "docket.deliver_due_webhooks",
    "schedule": 5.0,
}
