"""Developer machine: readable logs, the admin on, cookies allowed over plain HTTP."""

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, REPO_DIR, SECRET_KEY, SIMPLE_JWT, env
from .secret_key import machine_secret_key

# Never a constant anyone can read: a key made for this machine on first run, kept (0600) in an
# ignored file, unless the environment gives one.
SECRET_KEY = SECRET_KEY or machine_secret_key(REPO_DIR / ".secret_key")
SIMPLE_JWT = {**SIMPLE_JWT, "SIGNING_KEY": SECRET_KEY}

DEBUG = env.bool("DEBUG", default=True)
REFRESH_COOKIE_SECURE = env.bool("REFRESH_COOKIE_SECURE", default=False)
# Serve static files straight from the apps: no collectstatic step on a developer machine.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No collected static directory outside production; WhiteNoise finds files in the apps.
STATIC_ROOT = None  # type: ignore[assignment]

# A developer's webhook receiver runs on their own machine, over plain HTTP.
# Loopback only: never the LAN, link-local or metadata addresses.
WEBHOOK_DEVELOPMENT_RECEIVERS = env.list(
    "WEBHOOK_DEVELOPMENT_RECEIVERS", default=["127.0.0.0/8", "::1/128"]
)
WEBHOOK_REQUIRE_HTTPS = env.bool("WEBHOOK_REQUIRE_HTTPS", default=False)

# Metrics on a developer machine (docs/observability.md): a token everyone knows, on an API
# bound to 127.0.0.1, and the worker's endpoint on a local port.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="local-metrics-token")
WORKER_METRICS_PORT = env.int("WORKER_METRICS_PORT", default=9808)

# Development tool: `manage.py lintmigrations` (make migrations-check).
INSTALLED_APPS = [*INSTALLED_APPS, "django_migration_linter"]
# Every migration after the first of each app must be safe to run before the new code deploys
# (expand, then contract). Initial migrations only create empty tables, which lock nobody.
MIGRATION_LINTER_OPTIONS = {
    "ignore_name": [
        "0001_initial",
        # issues: the linter sees an ADD CONSTRAINT ... UNIQUE and assumes a locking index
        # build; SaferAddUniqueConstraint builds the index CONCURRENTLY first (a non-atomic
        # migration) and attaches it with USING INDEX, a brief lock bounded by lock_timeout.
        "0006_issue_external_ref_unique",
    ],
    # Third-party migrations (django-oauth-toolkit's) are not ours to lint, and the linter
    # cannot even render some of them on PostgreSQL.
    "exclude_apps": ["oauth2_provider"],
    "warnings_as_errors": True,
    "no_cache": True,
}
