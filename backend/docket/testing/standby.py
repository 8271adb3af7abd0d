"""The real streaming standby for tests (`make services` starts it: scripts/ensure-replica.sh).

Ordinary tests run inside a transaction that no standby can see, so `replica` mirrors `default`
there. The standby tests point `replica` at the standby instead: the same test database, which
physical replication copied there when the run created it.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
import pytest
from django.db import connections

from docket.core.db_routers import PRIMARY, REPLICA, REPLICA_LAG_SQL, replica_health

STANDBY_PORT = int(os.environ.get("REPLICA_PORT", "5433"))


@contextmanager
def replica_pointed_at(port: int, host: str | None = None) -> Iterator[None]:
    """`replica` reads from the server on `port` (the test database of that name) until exit."""
    replica = connections[REPLICA]
    original = replica.settings_dict
    replica.close()
    # A copy: the original comes back untouched.
    replica.settings_dict = {**original, "HOST": host or original["HOST"], "PORT": port}
    replica_health.forget()
    try:
        yield
    finally:
        replica.close()
        replica.settings_dict = original
        replica_health.forget()


# Authorization reads (the account, its memberships and roles) always go to the primary, whatever
# the routing of the data a request reads (docket.projects.access).
AUTHORIZATION_TABLES = ('"accounts_user"', '"workspaces_membership"')


def data_reads(queries: list[dict[str, Any]]) -> list[str]:
    """The SQL of captured queries, less the authorization reads."""
    return [
        query["sql"]
        for query in queries
        if not any(f"FROM {table}" in query["sql"] for table in AUTHORIZATION_TABLES)
    ]


class Standby:
    def __init__(self, primary: dict[str, Any], port: int = STANDBY_PORT) -> None:
        self.host = primary["HOST"] or "localhost"
        self.port = port
        self.user = primary["USER"] or "postgres"
        self.database = primary["NAME"]

    def query(self, sql: str, *params: Any) -> Any:
        with psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres",
            autocommit=True, connect_timeout=2,
        ) as admin:  # fmt: skip
            row = admin.execute(sql, params or None).fetchone()
            return row[0] if row else None

    def require(self) -> None:
        try:
            in_recovery = self.query("SELECT pg_is_in_recovery()")
        except psycopg.OperationalError as error:
            pytest.fail(f"no standby on :{self.port} ({error}); `make services` starts one")
        assert in_recovery, f"the server on :{self.port} is not a standby"

    def pause_replay(self) -> None:
        self.query("SELECT pg_wal_replay_pause()")
        self._wait(lambda: self.query("SELECT pg_get_wal_replay_pause_state()") == "paused")

    def resume_replay(self) -> None:
        self.query("SELECT pg_wal_replay_resume()")

    def catch_up(self, seconds: float = 30) -> float:
        """Wait until the standby replayed all the primary wrote so far; the seconds it took."""
        with connections[PRIMARY].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn()")
            lsn = cursor.fetchone()[0]
        started = time.monotonic()
        self._wait(
            lambda: self.query("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", lsn), seconds
        )
        return time.monotonic() - started

    def lag_seconds(self) -> float:
        return float(self.query(REPLICA_LAG_SQL))

    def _wait(self, condition: Any, seconds: float = 30) -> None:
        deadline = time.monotonic() + seconds
        while not condition():
            assert time.monotonic() < deadline, f"standby on :{self.port}: timed out"
            time.sleep(0.02)

    @contextmanager
    def serving_reads(self) -> Iterator[Standby]:
        """`replica` is this standby, caught up, until exit; replay always resumes after."""
        self.require()
        with replica_pointed_at(self.port, self.host):
            try:
                self.catch_up()
                yield self
            finally:
                self.resume_replay()
