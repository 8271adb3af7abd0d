"""Purging deleted projects and workspaces (docket.issues.purge)."""

from .celery import CELERY_BEAT_SCHEDULE
from .env import env

# Deleting one is a soft delete; a task then removes its rows, this many per transaction.
PURGE_BATCH_SIZE = env.int("PURGE_BATCH_SIZE", default=1000)
# Beat asks again for the purge of anything deleted longer ago than this and still there.
PURGE_SWEEP_AFTER_SECONDS = env.int("PURGE_SWEEP_AFTER_SECONDS", default=300)
CELERY_BEAT_SCHEDULE["sweep-purges"] = {"task": "docket.sweep_purges", "schedule": 60.0}
