"""A Redis server of a test's own, on a port of its own, that the test may stop and start again
(the shared one on 6379 is never touched)."""

from __future__ import annotations

import subprocess
import time

import redis

from docket.testing.live import free_port


class PrivateRedis:
    """`redis-server` without persistence: stopped, it comes back empty, as after a crash."""

    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self._process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self._process = subprocess.Popen(  # noqa: S603 - a fixed program and our own arguments
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1",  # noqa: S607
             "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client().ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait(10)
            self._process = None

    def client(self) -> redis.Redis:
        return redis.Redis.from_url(self.url, socket_connect_timeout=1, socket_timeout=1)
