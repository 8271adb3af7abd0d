"""Idempotency keys (docket.core.idempotency): kept 24 hours, expired ones deleted hourly."""

from celery.schedules import crontab

from .celery import CELERY_BEAT_SCHEDULE

CELERY_BEAT_SCHEDULE["expire-idempotency-keys"] = {
    "task": "docket.expire_idempotency_keys",
    "schedule": crontab(minute=17),
}
