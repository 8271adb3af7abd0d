# Loaded with Django so that `shared_task` binds to Docket's Celery app in every process.
from config.celery import app as celery_app

__all__ = ("celery_app",)
