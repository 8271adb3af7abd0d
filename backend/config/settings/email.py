"""Email: the SMTP relay, senders, links, and the daily digest."""

from celery.schedules import crontab

from .celery import CELERY_BEAT_SCHEDULE
from .env import env

# Locally mail is printed by the worker; production points these at its SMTP relay.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Docket <notifications@docket.local>")
# A delivery still pending this long after it was planned is enqueued again by beat's sweep.
EMAIL_SWEEP_AFTER_SECONDS = env.int("EMAIL_SWEEP_AFTER_SECONDS", default=30)
# Where links in emails point: the SPA's origin.
APP_BASE_URL = env.str("APP_BASE_URL", default="http://localhost:5173")
# The daily digest of unread notifications is planned at this hour (UTC) and covers the 24 hours
# before it.
DIGEST_HOUR_UTC = env.int("DIGEST_HOUR_UTC", default=7)
CELERY_BEAT_SCHEDULE["plan-digests"] = {
    "task": "docket.plan_digests",
    "schedule": crontab(minute=0, hour=DIGEST_HOUR_UTC),
}
