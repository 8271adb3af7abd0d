"""Settings shared by every environment. Everything that differs comes from the environment."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import environ
from celery.schedules import crontab

from docket.core.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent
REPO_DIR = BASE_DIR.parent

env = environ.Env()

# From the environment. Without it, local development uses a key generated for the machine
# (settings/local.py), tests one per run, and production refuses to start.
SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])

INSTALLED_APPS = [
    "django.contrib.admin",
    # migrate_with_timeouts (setup_databases) and the safer migration operations.
    "django_pg_migration_tools",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "docket.core",
    "docket.accounts",
    "docket.workspaces",
    "docket.projects",
    "docket.issues",
    "docket.realtime",
    "docket.notifications",
    "docket.integrations",
    "docket.analytics",
    "docket.demo",
]

MIDDLEWARE = [
    "docket.core.middleware.RequestIdMiddleware",
    "docket.core.middleware.AccessLogMiddleware",
    "docket.core.middleware.ProblemFallbackMiddleware",
    "docket.core.compression.CompressionMiddleware",
    "docket.core.middleware.PrivateCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "docket.core.middleware.PrimaryDatabasePinMiddleware",
    "docket.core.middleware.RateLimitHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last: it needs the resolved view (whose authenticators name the caller).
    "docket.core.middleware.IdempotencyKeyMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Databases -------------------------------------------------------------------------------


def analytics_url_beside(database_url: str) -> str:
    """The URL of a database on the same server as `database_url`, named `<name>_analytics`."""
    parts = urlsplit(database_url)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "_analytics"))


def url_on_port(database_url: str, port: int) -> str:
    """The same database, user and host as `database_url`, on another port."""
    parts = urlsplit(database_url)
    userinfo, at, host_port = parts.netloc.rpartition("@")
    host = host_port.rsplit(":", 1)[0] if parts.port else host_port
    return urlunsplit(parts._replace(netloc=f"{userinfo}{at}{host}:{port}"))


# `replica` serves reads (docket.core.db_routers; docs/databases.md). By default the streaming
# hot standby `make` starts beside the primary: the same server and database, port 5433.
DATABASE_URL = env.str("DATABASE_URL", default="postgres://postgres@localhost:5432/docket")
REPLICA_DATABASE_URL = env.str(
    "REPLICA_DATABASE_URL", default=url_on_port(DATABASE_URL, env.int("REPLICA_PORT", default=5433))
)
DATABASES = {
    "default": env.db_url_config(DATABASE_URL),
    "replica": env.db_url_config(REPLICA_DATABASE_URL),
    # The analytics app's tables and nothing else (docket.analytics.routers). By default a
    # database beside the primary's, named after it: `docket` -> `docket_analytics`.
    "analytics": env.db_url_config(
        env.str("ANALYTICS_DATABASE_URL", default=analytics_url_beside(DATABASE_URL))
    ),
}
# Under ASGI every request runs its sync code in a fresh thread, so Django's per-thread persistent
# connections would open (and strand) one connection per request. A psycopg pool per process
# hands connections back after each request instead; persistent connections must be off with it.
DB_POOL_MAX_SIZE = env.int("DB_POOL_MAX_SIZE", default=10)
for _alias, _config in DATABASES.items():
    _config["CONN_MAX_AGE"] = 0
    _config["OPTIONS"] = {
        # A runaway query must not hold a worker forever.
        "options": f"-c statement_timeout={env.int('DB_STATEMENT_TIMEOUT_MS', default=15000)}",
        "pool": {"min_size": 1, "max_size": DB_POOL_MAX_SIZE, "timeout": 10},
    }
# A dead standby must cost a read a moment, not the pool's whole wait: the router then reads
# from the primary.
REPLICA_CONNECT_TIMEOUT_SECONDS = env.int("REPLICA_CONNECT_TIMEOUT_SECONDS", default=2)
DATABASES["replica"]["OPTIONS"]["connect_timeout"] = REPLICA_CONNECT_TIMEOUT_SECONDS
DATABASES["replica"]["OPTIONS"]["pool"]["timeout"] = REPLICA_CONNECT_TIMEOUT_SECONDS
# In tests `replica` reads the primary's test database (settings.test).
DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_ROUTERS = [
    "docket.analytics.routers.AnalyticsRouter",
    "docket.core.db_routers.PrimaryReplicaRouter",
]
# Databases `manage.py setup_databases` creates and migrates (the replica follows the primary).
MIGRATED_DATABASES = ["default", "analytics"]
# After a write, the writer's reads stay on the primary this long: longer than the most lag
# the router accepts, plus the age of its last look at the standby.
REPLICA_STICKY_SECONDS = env.int("REPLICA_STICKY_SECONDS", default=5)
# Reads leave the standby while its replay is further behind than this.
REPLICA_MAX_LAG_SECONDS = env.float("REPLICA_MAX_LAG_SECONDS", default=2.0)
# How old each process's view of the standby's lag may be, and how long an unreachable standby
# is left alone before the next try.
REPLICA_HEALTH_CHECK_SECONDS = env.float("REPLICA_HEALTH_CHECK_SECONDS", default=1.0)
REPLICA_RETRY_AFTER_SECONDS = env.float("REPLICA_RETRY_AFTER_SECONDS", default=5.0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Migrations (setup_databases): how long a statement may wait for a lock before it gives up,
# and how often a timed-out migration is retried, with backoff between the bounds. Short, so
# that a migration stuck behind a long transaction never holds up the queries queued behind it.
MIGRATION_LOCK_TIMEOUT_MS = env.int("MIGRATION_LOCK_TIMEOUT_MS", default=2000)
MIGRATION_LOCK_RETRIES = env.int("MIGRATION_LOCK_RETRIES", default=10)
MIGRATION_LOCK_RETRY_MIN_WAIT_MS = env.int("MIGRATION_LOCK_RETRY_MIN_WAIT_MS", default=1000)
MIGRATION_LOCK_RETRY_MAX_WAIT_MS = env.int("MIGRATION_LOCK_RETRY_MAX_WAIT_MS", default=10_000)

# --- Cache (Redis): throttling and shared state ----------------------------------------------
REDIS_URL = env.str("REDIS_URL", default="redis://localhost:6379/0")
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="docket"),
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}

# --- Background work (Celery on Redis) -------------------------------------------------------
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
# Schedule the relay after each commit that recorded events.
RELAY_ON_COMMIT = env.bool("RELAY_ON_COMMIT", default=True)
# Check each recorded event's changes against the schema its type publishes (the tests do).
EVENTS_VALIDATE_CHANGES = False
# Consumers of the event log, each with its own position: {name: "dotted.path.to.handler"}.
RELAY_CONSUMERS: dict[str, str] = {
    # First: live updates are the ones a person is waiting for.
    "realtime": "docket.realtime.fanout.publish_events",
    "notifications": "docket.notifications.services.notify_for_events",
    "webhooks": "docket.integrations.services.plan_webhook_deliveries",
    "analytics": "docket.analytics.services.record_issue_facts",
}

# --- Idempotency keys (docket.core.idempotency): kept 24 hours, expired ones deleted hourly ---
CELERY_BEAT_SCHEDULE["expire-idempotency-keys"] = {
    "task": "docket.expire_idempotency_keys",
    "schedule": crontab(minute=17),
}

# --- Purging deleted projects and workspaces (docket.issues.workflow) --------------------------
# Deleting one is a soft delete; a task then removes its rows, this many per transaction.
PURGE_BATCH_SIZE = env.int("PURGE_BATCH_SIZE", default=1000)
# Beat asks again for the purge of anything deleted longer ago than this and still there.
PURGE_SWEEP_AFTER_SECONDS = env.int("PURGE_SWEEP_AFTER_SECONDS", default=300)
CELERY_BEAT_SCHEDULE["sweep-purges"] = {"task": "docket.sweep_purges", "schedule": 60.0}

# --- Webhooks (docket.integrations) -----------------------------------------------------------
# Receivers on private, loopback or link-local addresses are refused (SSRF): only a developer's
# machine or a test turns this on.
WEBHOOK_ALLOW_PRIVATE_ADDRESSES = env.bool("WEBHOOK_ALLOW_PRIVATE_ADDRESSES", default=False)
WEBHOOK_REQUIRE_HTTPS = env.bool("WEBHOOK_REQUIRE_HTTPS", default=True)
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
# Waits after the 1st, 2nd, ... failed attempt: 12 attempts over 67.6 hours (just under 3 days),
# then the delivery fails.
WEBHOOK_RETRY_DELAYS: list[float] = env.list(
    "WEBHOOK_RETRY_DELAYS",
    cast=float,
    default=[5, 300, 1800, 7200, 18000, 36000, 36000, 36000, 36000, 36000, 36000],
)
# Retries due sooner than this are timed by the broker; later ones by beat's sweep.
WEBHOOK_COUNTDOWN_MAX_SECONDS = env.float("WEBHOOK_COUNTDOWN_MAX_SECONDS", default=60.0)
# An endpoint whose every attempt failed for this long is turned off and its admins emailed.
WEBHOOK_DISABLE_AFTER_SECONDS = env.int("WEBHOOK_DISABLE_AFTER_SECONDS", default=3 * 24 * 3600)
CELERY_BEAT_SCHEDULE["deliver-due-webhooks"] = {
    "task": "docket.deliver_due_webhooks",
    "schedule": 5.0,
}

# --- Realtime (Channels on Redis pub/sub, served by the same ASGI application) ---------------
# Its own Redis database. Pub/sub: a group send is one PUBLISH whatever the number of sockets,
# and groups never expire under a long-lived socket (the list-based layer's groups do).
CHANNEL_REDIS_URL = env.str("CHANNEL_REDIS_URL", default="redis://localhost:6379/2")
CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "channels_redis.pubsub.RedisPubSubChannelLayer",
        # Pub/sub channels are server-wide (not per database): the prefix keeps stacks apart.
        "CONFIG": {
            "hosts": [CHANNEL_REDIS_URL],
            "prefix": env.str("CHANNEL_PREFIX", default="docket-rt"),
        },
    }
}
# A ticket opens one socket, once, within this many seconds of being issued.
REALTIME_TICKET_SECONDS = env.int("REALTIME_TICKET_SECONDS", default=30)
# A socket must present its ticket this soon after the handshake, or it is closed.
REALTIME_AUTH_TIMEOUT_SECONDS = env.float("REALTIME_AUTH_TIMEOUT_SECONDS", default=10.0)
REALTIME_MAX_SUBSCRIPTIONS = env.int("REALTIME_MAX_SUBSCRIPTIONS", default=50)
# Events older than this when the relay reaches them (a relay that was down) are not pushed:
# clients refetch on reconnect, and a flood of stale invalidations helps nobody.
REALTIME_MAX_EVENT_AGE_SECONDS = env.int("REALTIME_MAX_EVENT_AGE_SECONDS", default=300)

# --- Email ------------------------------------------------------------------------------------
# Locally mail is printed by the worker; production points these at its SMTP relay.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Docket <notifications@docket.local>")
# A delivery still pending this long after it was planned is enqueued again by beat's sweep.
EMAIL_SWEEP_AFTER_SECONDS = env.int("EMAIL_SWEEP_AFTER_SECONDS", default=30)
# Where links in emails point: the SPA's origin.
APP_BASE_URL = env.str("APP_BASE_URL", default="http://localhost:5173")
# The daily digest of unread notifications is planned at this hour (UTC) and covers the 24 hours
# before it.
DIGEST_HOUR_UTC = env.int("DIGEST_HOUR_UTC", default=7)
CELERY_BEAT_SCHEDULE["plan-digests"] = {
    "task": "docket.plan_digests",
    "schedule": crontab(minute=0, hour=DIGEST_HOUR_UTC),
}

# --- Auth ------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "docket.accounts.passwords.NotBlankValidator"},
    {"NAME": "docket.accounts.passwords.NotTheEmailValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "display_name")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=14),
    "ALGORITHM": "HS256",
    "SIGNING_KEY": SECRET_KEY,
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "sub",
    "UPDATE_LAST_LOGIN": False,
}

# --- Refresh grace window ---------------------------------------------------------------------
# Re-presenting the refresh token rotated away last, within this many seconds, returns the same
# successor (concurrent refreshes from two tabs) instead of revoking the session as a reuse.
REFRESH_REUSE_GRACE = timedelta(seconds=env.int("REFRESH_REUSE_GRACE_SECONDS", default=30))

# Browsers may keep the refresh token in this cookie instead of the response body.
REFRESH_COOKIE_NAME = "docket_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth/"
REFRESH_COOKIE_SECURE = env.bool("REFRESH_COOKIE_SECURE", default=True)

# --- Invitations -----------------------------------------------------------------------------
INVITATION_LIFETIME = timedelta(days=env.int("INVITATION_LIFETIME_DAYS", default=7))

# JSON answers at least this large are compressed (brotli or gzip, as the client accepts).
COMPRESS_MIN_BYTES = env.int("COMPRESS_MIN_BYTES", default=1024)

# --- REST framework --------------------------------------------------------------------------
API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=256 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_BODY_BYTES

# Number of proxies in front of the API whose X-Forwarded-For entries are trusted.
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

REST_FRAMEWORK = {
    "NUM_PROXIES": NUM_PROXIES,
    # Personal access tokens first: they are recognised by their prefix, anything else is a JWT.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "docket.workspaces.api.authentication.PersonalTokenAuthentication",
        "docket.core.authentication.DocketJWTAuthentication",
    ],
    # IsAuthenticated, and personal access tokens only where a view accepts them.
    "DEFAULT_PERMISSION_CLASSES": ["docket.core.authentication.Authenticated"],
    "DEFAULT_PARSER_CLASSES": ["docket.core.parsers.BoundedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["docket.core.renderers.SafeJSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "docket.core.schema.DocketAutoSchema",
    "DEFAULT_METADATA_CLASS": "docket.core.metadata.DocketMetadata",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Every request counts against its caller's rate limits (docket.core.ratelimit).
    "DEFAULT_THROTTLE_CLASSES": ["docket.core.throttling.ApiRateLimit"],
    "DEFAULT_PAGINATION_CLASS": "docket.core.pagination.KeysetPagination",
    "EXCEPTION_HANDLER": "docket.core.api.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%S.%fZ",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

# Requests per period, read by docket.core.throttling at request time.
THROTTLE_RATES = {
    "auth_ip": env.str("THROTTLE_AUTH_IP", default="30/minute"),
    "auth_account": env.str("THROTTLE_AUTH_ACCOUNT", default="10/minute"),
    "password_change": env.str("THROTTLE_PASSWORD_CHANGE", default="5/minute"),
}

# --- Rate limits (docket.core.ratelimit): `<count>/<period>`, period second|minute|hour|day or
# `<n>s`. Generous: the SPA, the browser tests and the fuzzer stay well inside them; they stop
# runaway scripts and floods. Counted in Redis, shared by every API process.
# Off only to measure what the limiter costs (bench/bench_rate_limit.py).
RATE_LIMIT_ENABLED = env.bool("RATE_LIMIT_ENABLED", default=True)
RATE_LIMITS = {
    "user-read": env.str("RATE_LIMIT_USER_READ", default="1200/minute"),
    "user-write": env.str("RATE_LIMIT_USER_WRITE", default="300/minute"),
    "token-read": env.str("RATE_LIMIT_TOKEN_READ", default="1200/minute"),
    "token-write": env.str("RATE_LIMIT_TOKEN_WRITE", default="300/minute"),
    "workspace-read": env.str("RATE_LIMIT_WORKSPACE_READ", default="6000/minute"),
    "workspace-write": env.str("RATE_LIMIT_WORKSPACE_WRITE", default="1200/minute"),
    "anon": env.str("RATE_LIMIT_ANON", default="300/minute"),
}
# Its own Redis connection (short timeouts: a slow Redis must not slow every request).
RATE_LIMIT_REDIS_URL = env.str("RATE_LIMIT_REDIS_URL", default=REDIS_URL)
RATE_LIMIT_REDIS_TIMEOUT = env.float("RATE_LIMIT_REDIS_TIMEOUT", default=0.25)
RATE_LIMIT_KEY_PREFIX = env.str("RATE_LIMIT_KEY_PREFIX", default="docket-rl")

SPECTACULAR_SETTINGS = {
    "TITLE": "Docket API",
    "DESCRIPTION": (
        "Multi-tenant issue tracker. Errors are RFC 9457 problem details "
        "(`application/problem+json`) with a stable `code`. Lists use keyset pagination: "
        "pass `next_cursor` back as `cursor`."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "RoleEnum": "docket.workspaces.models.Role",
        "PriorityEnum": "docket.issues.models.PRIORITY_API_CHOICES",
        "StateCategoryEnum": "docket.projects.models.StateCategory",
        "TokenScopeEnum": "docket.workspaces.models.TokenScope",
        "RelationKindEnum": "docket.issues.models.RelationKind",
    },
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "docket.core.api.event_schema.document_event_types",
        "docket.core.api.enum_names.name_enum_values",
        "docket.core.schema.document_rate_limit_headers",
        "docket.core.schema.name_request_components",
    ],
    "SECURITY": [{"jwtAuth": []}],
    "AUTHENTICATION_WHITELIST": [],
    "APPEND_COMPONENTS": {
        "securitySchemes": {
            "jwtAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
            # Personal access tokens: operations that accept one list this scheme too.
            "personalToken": {
                "type": "http",
                "scheme": "bearer",
                "bearerFormat": "dkt_pat_",
                "description": (
                    "A personal access token (`Authorization: Bearer dkt_pat_...`): its owner's "
                    "access to one workspace, read or write. Another workspace answers 404, an "
                    "unsafe method under the read scope 403 `token_scope`, an operation that "
                    "needs a session 403 `session_required`; a revoked or expired token, or one "
                    "whose owner left the workspace, 401 `token_not_valid`."
                ),
            },
        }
    },
}

# --- CORS: only the SPA origins, with credentials (the refresh cookie) -----------------------
CORS_ALLOWED_ORIGINS = env.list("CORS_ALLOWED_ORIGINS", default=["http://localhost:5173"])
CORS_ALLOW_CREDENTIALS = True
CORS_EXPOSE_HEADERS = [
    "X-Request-ID",
    "Retry-After",
    "ETag",
    "Idempotent-Replayed",
    "RateLimit",
    "RateLimit-Policy",
]
CORS_ALLOW_HEADERS = [
    "accept",
    "authorization",
    "content-type",
    "x-request-id",
    "idempotency-key",
    "if-match",
    "if-none-match",
]
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Admin: staff only, at a path from the environment ---------------------------------------
# Off unless enabled: `make run` turns it on for the local staff account.
ADMIN_ENABLED = env.bool("ADMIN_ENABLED", default=False)
ADMIN_URL = env.str("ADMIN_URL", default="admin/")

# --- I18N / time -----------------------------------------------------------------------------
LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# WhiteNoise serves the admin and the API docs' assets (Swagger UI, Redoc) from this process,
# so the docs work without a CDN or a separate web server.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = env.bool("WHITENOISE_USE_FINDERS", default=False)

# --- Logging ---------------------------------------------------------------------------------
# --- Metrics (docket.core.metrics; docs/observability.md) ----------------------------------
# The API's /metrics answers only this bearer token (no token: no endpoint). The worker serves
# its own on this port (0: none), never published beyond the host or the cluster network.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
WORKER_METRICS_PORT = env.int("WORKER_METRICS_PORT", default=0)
WORKER_METRICS_ADDRESS = env.str("WORKER_METRICS_ADDRESS", default="127.0.0.1")

LOG_FORMAT = env.str("LOG_FORMAT", default="console")
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = logging_config(log_format=LOG_FORMAT, level=LOG_LEVEL)
