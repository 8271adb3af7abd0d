"""Email: the SMTP relay, senders, links, and the daily digest."""

from celery.schedules import crontab

from .celery import CELERY_BEAT_SCHEDULE, CELERY_TASK_TIME_LIMIT
from .env import env

# Locally mail is printed by the worker, its link tokens redacted (docket.core.mail_console);
# production points these at its SMTP relay.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="docket.core.mail_console.RedactingConsoleBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Docket <notifications@docket.local>")
# A delivery still pending this long after it was planned is enqueued again by beat's sweep.
EMAIL_SWEEP_AFTER_SECONDS = env.int("EMAIL_SWEEP_AFTER_SECONDS", default=30)
# Waits after the 1st, 2nd, ... transient failure (4xx, timeout, refused connection): 13
# attempts over 39.7 hours, as a mail server keeps trying for days; then the mail fails.
EMAIL_RETRY_DELAYS: list[float] = env.list(
    "EMAIL_RETRY_DELAYS",
    cast=float,
    default=[5, 30, 120, 600, 1800, 3600, 7200, 14400, 28800, 28800, 28800, 28800],
)
# Retries due sooner than this are timed by the broker (a countdown); later ones by the sweep.
EMAIL_COUNTDOWN_MAX_SECONDS = env.float("EMAIL_COUNTDOWN_MAX_SECONDS", default=60.0)
# A sender's claim on a mail: longer than any task may run (Celery's hard limit), so only a dead
# sender's claim runs out; the sweep then sends the mail again.
EMAIL_CLAIM_SECONDS = env.float("EMAIL_CLAIM_SECONDS", default=CELERY_TASK_TIME_LIMIT + 30)
# An enqueued mail or webhook is not enqueued again by a sweep for this long (the task is
# presumed in the broker); past it (a task lost with a broker) the sweep enqueues it again.
DELIVERY_QUEUE_LEASE_SECONDS = env.float("DELIVERY_QUEUE_LEASE_SECONDS", default=600.0)
# A retry or deferral timed by a countdown is held by the worker that took it; if it has not run
# this long after its time, that worker died with it, and the sweep asks again.
DELIVERY_COUNTDOWN_GRACE_SECONDS = env.float("DELIVERY_COUNTDOWN_GRACE_SECONDS", default=30.0)
# Where links in emails point: the SPA's origin.
APP_BASE_URL = env.str("APP_BASE_URL", default="http://localhost:5173")
# The daily digest of unread notifications is planned at this hour (UTC) and covers the 24 hours
# before it.
DIGEST_HOUR_UTC = env.int("DIGEST_HOUR_UTC", default=7)
CELERY_BEAT_SCHEDULE["plan-digests"] = {
    "task": "docket.plan_digests",
    "schedule": crontab(minute=0, hour=DIGEST_HOUR_UTC),
}
