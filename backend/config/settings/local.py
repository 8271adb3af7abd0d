"""Developer machine: readable logs, the admin on, cookies allowed over plain HTTP."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, env

DEBUG = env.bool("DEBUG", default=True)
REFRESH_COOKIE_SECURE = env.bool("REFRESH_COOKIE_SECURE", default=False)
# Serve static files straight from the apps: no collectstatic step on a developer machine.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No collected static directory outside production; WhiteNoise finds files in the apps.
STATIC_ROOT = None

# Development tool: `manage.py lintmigrations` (make migrations-check).
INSTALLED_APPS = [*INSTALLED_APPS, "django_migration_linter"]
# Every migration after the first of each app must be safe to run before the new code deploys
# (expand, then contract). Initial migrations only create empty tables, which lock nobody.
MIGRATION_LINTER_OPTIONS = {
    "ignore_name": ["0001_initial"],
    "warnings_as_errors": True,
    "no_cache": True,
}
