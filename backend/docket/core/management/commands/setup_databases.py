"""Create the databases Django migrates (settings.MIGRATED_DATABASES: the primary and analytics)
if they are missing, then migrate each. `--fresh` drops them first; `--drop` only drops them.
The test harnesses use it to give a run databases of its own.

Migrations run through django-pg-migration-tools' migrate_with_timeouts: every statement waits
at most settings.MIGRATION_LOCK_TIMEOUT_MS for a lock (a migration queued behind a long
transaction would otherwise block every query queued behind it), and a timed-out migration is
retried up to settings.MIGRATION_LOCK_RETRIES times with backoff."""

from __future__ import annotations

from typing import Any

import psycopg
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connections
from psycopg import sql


def _maintenance_connection(alias: str) -> psycopg.Connection:
    """A connection to the `postgres` database of the server that holds `alias`."""
    params = connections[alias].get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    return psycopg.connect(**{**params, "dbname": "postgres"}, autocommit=True)


class Command(BaseCommand):
    help = "Create (or recreate with --fresh, or --drop) and migrate the project's databases."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--fresh", action="store_true", help="Drop each database first.")
        parser.add_argument("--drop", action="store_true", help="Only drop them.")

    def handle(self, *args: Any, fresh: bool, drop: bool, verbosity: int, **options: Any) -> None:
        for alias in settings.MIGRATED_DATABASES:
            name = connections[alias].settings_dict["NAME"]
            connections[alias].close()
            with _maintenance_connection(alias) as admin:
                if fresh or drop:
                    admin.execute(
                        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                            sql.Identifier(name)
                        )
                    )
                if drop:
                    continue
                exists = admin.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [name]
                ).fetchone()
                if not exists:
                    admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
                    if verbosity:
                        self.stdout.write(f"database {name} ({alias}): created")
            if not drop:
                call_command(
                    "migrate_with_timeouts",
                    database=alias,
                    interactive=False,
                    verbosity=verbosity,
                    lock_timeout_in_ms=settings.MIGRATION_LOCK_TIMEOUT_MS,
                    lock_timeout_max_retries=settings.MIGRATION_LOCK_RETRIES,
                    lock_timeout_retry_min_wait_in_ms=settings.MIGRATION_LOCK_RETRY_MIN_WAIT_MS,
                    lock_timeout_retry_max_wait_in_ms=settings.MIGRATION_LOCK_RETRY_MAX_WAIT_MS,
                )
