"""pytest: the real PostgreSQL and Redis, with fast password hashing."""

import secrets

from .base import *  # noqa: F403
from .base import (
    CACHES,
    DATABASE_URL,
    DATABASES,
    INSTALLED_APPS,
    LOGGING,
    RELAY_CONSUMERS,
    SIMPLE_JWT,
    env,
)

# A new key per run, handed to its test workers: tokens from one run mean nothing to the next.
SECRET_KEY = env("SECRET_KEY", default="") or secrets.token_urlsafe(64)
SIMPLE_JWT = {**SIMPLE_JWT, "SIGNING_KEY": SECRET_KEY}

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
REFRESH_COOKIE_SECURE = False
# Tests own a Redis database of their own so that flushing it never touches a developer's data.
CACHES["default"]["LOCATION"] = env.str("TEST_REDIS_URL", default="redis://localhost:6379/15")
CACHES["default"]["KEY_PREFIX"] = "docket-test"
LOGGING["root"]["level"] = "WARNING"
# Rate-limit counters in the same database, so the per-test flush (conftest) clears them too.
RATE_LIMIT_REDIS_URL = CACHES["default"]["LOCATION"]
# A separate name lets two test runs share one PostgreSQL server (e.g. parallel CI jobs).
TEST_DATABASE_NAME = env.str("TEST_DATABASE_NAME", default="test_docket")
DATABASES["default"]["TEST"] = {"NAME": TEST_DATABASE_NAME}
DATABASES["analytics"]["TEST"] = {"NAME": f"{TEST_DATABASE_NAME}_analytics"}
# Ordinary tests run inside a transaction that no standby can see: `replica` is the primary's
# own test database there (the test MIRROR only renames the database, so the server must be the
# primary's too). The standby tests point it at the standby themselves and hand the workers they
# start the same through TEST_REPLICA_DATABASE_URL (docket/testing/standby.py).
_replica = env.db_url_config(env.str("TEST_REPLICA_DATABASE_URL", default=DATABASE_URL))
DATABASES["replica"].update({key: _replica[key] for key in ("HOST", "PORT", "USER", "PASSWORD")})
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# No collected static directory outside production; WhiteNoise finds files in the apps.
STATIC_ROOT = None  # type: ignore[assignment]
WHITENOISE_USE_FINDERS = True

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
# Tests run requests synchronously, one thread, so the ASGI connection pool brings nothing and
# its idle connections would keep the test database from being dropped after the run.
for _config in DATABASES.values():
    _config["OPTIONS"].pop("pool", None)
# Tests own a broker database too; most tests relay explicitly (the worker tests turn it on).
CELERY_BROKER_URL = env.str("TEST_CELERY_BROKER_URL", default="redis://localhost:6379/14")
RELAY_ON_COMMIT = False
# Every event any test records is checked against the schema its type publishes.
EVENTS_VALIDATE_CHANGES = True
# Tasks only tests enqueue (a worker started by a test registers them too).
CELERY_IMPORTS = ["docket.testing.tasks"]
# A consumer that only the relay tests read (the worker they start loads these settings too).
RELAY_CONSUMERS = {**RELAY_CONSUMERS, "probe": "docket.core.tests.relay_probe.record"}
# The channel layer's Redis database too.
CHANNEL_REDIS_URL = env.str("TEST_CHANNEL_REDIS_URL", default="redis://localhost:6379/13")
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
        # Pub/sub is server-wide: each run (named by its database) its own prefix.
        "CONFIG": {"hosts": [CHANNEL_REDIS_URL], "prefix": f"{TEST_DATABASE_NAME}-rt"},
    }
}
# Test receivers are local HTTP servers: plain HTTP is accepted, but a test that sends to one
# must allow loopback itself (the production refusal is what the other tests see).
WEBHOOK_REQUIRE_HTTPS = False
WEBHOOK_DEVELOPMENT_RECEIVERS = env.list("WEBHOOK_DEVELOPMENT_RECEIVERS", default=[])
# Mail stays in memory unless a test's worker is pointed at its own local SMTP server.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend")
