"""Background work: Celery on Redis, its queues, and the beat schedule the other concerns add to."""

from .env import env

# Its own Redis database: the broker's keys never mix with the cache's.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="redis://localhost:6379/1")
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A task is acknowledged when it finished, not when it started: a worker killed mid-task leaves
# it to be redelivered, so every task is idempotent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=60)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=90)
# Longer than any task's hard limit, or Redis would hand a running task to a second worker.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": CELERY_TASK_TIME_LIMIT * 4,
    "socket_connect_timeout": 2,
}
# Requests enqueue after their commit: with the broker down they must not wait long for it
# (beat's safety nets enqueue what was missed).
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_TASK_DEFAULT_QUEUE = "default"
# Mail has its own queue: a slow SMTP server never delays the relay.
CELERY_TASK_ROUTES = {
    "docket.relay_events": {"queue": "relay"},
    "docket.send_notification_email": {"queue": "email"},
    "docket.send_invitation_email": {"queue": "email"},
    "docket.send_digest": {"queue": "email"},
    "docket.deliver_pending_emails": {"queue": "email"},
    "docket.send_webhook_disabled_email": {"queue": "email"},
    # Webhooks too: a receiver that answers slowly only slows other webhooks.
    "docket.deliver_webhook": {"queue": "webhooks"},
    "docket.deliver_due_webhooks": {"queue": "webhooks"},
}
CELERY_BEAT_SCHEDULE = {
    # The safety nets: commits ask for a relay and for their emails; these catch
    # any ask that was lost (a broker outage, a worker killed before it took the task).
    "relay-events": {"task": "docket.relay_events", "schedule": 5.0},
    "deliver-pending-emails": {"task": "docket.deliver_pending_emails", "schedule": 60.0},
}
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
