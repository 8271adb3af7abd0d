"""Webhooks (docket.integrations): where they may go, timeouts, retries, and when an endpoint is
turned off."""

import ipaddress

from .celery import CELERY_BEAT_SCHEDULE
from .env import env

# Receivers must be on public addresses (SSRF, docket.integrations.transport). The non-public
# networks a development setup may send to, e.g. "127.0.0.0/8,::1/128": none in production.
# Link-local and cloud metadata addresses stay refused whatever this lists.
WEBHOOK_DEVELOPMENT_RECEIVERS: list[str] = env.list("WEBHOOK_DEVELOPMENT_RECEIVERS", default=[])
for _network in WEBHOOK_DEVELOPMENT_RECEIVERS:
    ipaddress.ip_network(_network)  # a typo stops the start, rather than every delivery later
WEBHOOK_REQUIRE_HTTPS = env.bool("WEBHOOK_REQUIRE_HTTPS", default=True)
# One attempt's whole budget: connecting, sending, and reading the answer's headers and body; a
# receiver that drips its answer is cut off there.
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
# Attempts in flight at once per endpoint and per workspace: one tenant's slow receivers take
# at most this many worker slots, and the rest stay free for everyone else.
WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT = env.int("WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT", default=2)
WEBHOOK_MAX_IN_FLIGHT_PER_WORKSPACE = env.int("WEBHOOK_MAX_IN_FLIGHT_PER_WORKSPACE", default=4)
# A delivery held back by those caps is tried again this much later.
WEBHOOK_BUSY_RETRY_SECONDS = env.float("WEBHOOK_BUSY_RETRY_SECONDS", default=1.0)
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
