"""A PostgreSQL cluster of a test's own (initdb in a temporary directory, its own port), which the
test may crash and restart; the shared server on 5432 is never touched."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

from docket.testing.live import free_port


def _bindir() -> Path:
    pg_config = shutil.which("pg_config")
    if pg_config:
        found = subprocess.run(  # noqa: S603 - pg_config from PATH, no arguments from outside
            [pg_config, "--bindir"], capture_output=True, text=True, check=True
        ).stdout.strip()
        if (Path(found) / "initdb").exists():
            return Path(found)
    return Path(shutil.which("initdb") or "initdb").parent


class PrivatePostgres:
    """Trust authentication, no fsync, listening on 127.0.0.1:<port>. PostgreSQL refuses to run
    as root: under root its programs run as the `postgres` user."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.data = directory / "data"
        self.port = free_port()
        self.bin = _bindir()

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def init(self) -> None:
        if os.geteuid() == 0:
            shutil.chown(self.directory, user="postgres")
        self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", "postgres", "--no-sync")
        self.start()

    def start(self) -> None:
        options = f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.directory / "log")
        self._run("pg_ctl", "-D", str(self.data), "-o", options, "-l", log, "-w", "start")

    def stop(self, mode: str = "immediate") -> None:
        """`immediate`: as a crash does, no checkpoint; the next start recovers."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def copy_database(self, source: dict[str, Any], name: str) -> None:
        """Create `name` here with the schema and rows of the database `source` (Django
        settings) describes."""
        self._psql("postgres", f'CREATE DATABASE "{name}"')
        dump = subprocess.run(  # noqa: S603 - our own programs and settings
            [self.bin / "pg_dump", "--no-owner", "-h", source["HOST"] or "localhost",
             "-p", str(source["PORT"] or 5432), "-U", source["USER"] or "postgres", source["NAME"]],
            capture_output=True, check=True,
        )  # fmt: skip
        subprocess.run(  # noqa: S603
            [self.bin / "psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
             "-p", str(self.port), "-U", "postgres", "-d", name],
            input=dump.stdout, capture_output=True, check=True,
        )  # fmt: skip

    def _psql(self, database: str, sql: str) -> None:
        subprocess.run(  # noqa: S603
            [self.bin / "psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres",
             "-d", database, "-c", sql],
            capture_output=True, check=True,
        )  # fmt: skip

    def _run(self, program: str, *args: str) -> None:
        command = [str(self.bin / program), *args]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        subprocess.run(command, capture_output=True, check=True)  # noqa: S603
