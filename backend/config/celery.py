"""The Celery application: workers and beat start from here (`celery -A config worker`)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("docket", task_cls="docket.core.tasks:DocketTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
