"""The Celery application: workers and beat start from here (`celery -A config worker`)."""

import os
from typing import Any

from celery import Celery
from celery.signals import worker_ready

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

app = Celery("docket", task_cls="docket.core.tasks:DocketTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_ready.connect
def _serve_metrics(**_: Any) -> None:
    from docket.core.metrics import serve_worker_metrics

    serve_worker_metrics()
