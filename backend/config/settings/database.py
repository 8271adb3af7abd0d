"""PostgreSQL: the primary, its standby (`replica`), the analytics database, pools, routing and
the migrations' lock timeouts."""

from urllib.parse import urlsplit, urlunsplit

from psycopg_pool.base import AttemptWithBackoff

from .env import env


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
# How long a request waits for a pooled connection (all in use, or the database unreachable)
# before it is answered 503 `database_unavailable` with Retry-After (docket.http.problems).
DB_POOL_TIMEOUT_SECONDS = env.float("DB_POOL_TIMEOUT_SECONDS", default=10.0)
# Sessions idle inside a transaction for this long are ended by PostgreSQL: such a session holds
# the relay's commit horizon back (docket.core.relay; docs/observability.md), and holds locks.
DB_IDLE_IN_TRANSACTION_TIMEOUT_MS = env.int("DB_IDLE_IN_TRANSACTION_TIMEOUT_MS", default=60_000)
_SESSION_OPTIONS = " ".join(
    (
        # A runaway query must not hold a worker forever.
        f"-c statement_timeout={env.int('DB_STATEMENT_TIMEOUT_MS', default=15000)}",
        f"-c idle_in_transaction_session_timeout={DB_IDLE_IN_TRANSACTION_TIMEOUT_MS}",
    )
)
# psycopg_pool retries a failed connect with a doubling delay (1, 2, 4, ... s): after a 30 s
# outage a pool would go on answering 503 for up to half a minute once the database is back.
# One try a second per pool and process instead: recovery within a second, and a negligible load
# on a database that is still down.
AttemptWithBackoff.DELAY_BACKOFF = 1.0
for _alias, _config in DATABASES.items():
    _config["CONN_MAX_AGE"] = 0
    # With the pool: each connection is checked as it is handed out (an empty query), and a dead
    # one (the server restarted, the network dropped it) is replaced before the request sees it.
    _config["CONN_HEALTH_CHECKS"] = True
    _config["OPTIONS"] = {
        "options": _SESSION_OPTIONS,
        "pool": {"min_size": 1, "max_size": DB_POOL_MAX_SIZE, "timeout": DB_POOL_TIMEOUT_SECONDS},
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
