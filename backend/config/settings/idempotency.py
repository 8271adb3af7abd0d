"""Idempotency keys (docket.core.idempotency): kept 24 hours, expired ones deleted hourly."""

from celery.schedules import crontab

from .celery import CELERY_BEAT_SCHEDULE
from .env import env

CELERY_BEAT_SCHEDULE["expire-idempotency-keys"] = {
    "task": "docket.expire_idempotency_keys",
    "schedule": crontab(minute=17),
}
# Tests and chaos runs only: the first keyed POST to answer writes its pid to this file and
# waits 60 s before its answer is stored and its transaction commits (docket.http.idempotency),
# so the process can be killed in that window. Empty (the default): no pause.
IDEMPOTENCY_TEST_PAUSE_FILE = env.str("IDEMPOTENCY_TEST_PAUSE_FILE", default="")
