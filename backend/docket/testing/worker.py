"""A real Celery worker process for tests: the test settings, against the test database."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

BACKEND = Path(__file__).resolve().parents[2]


def start_worker(
    *, queues: str = "relay,default,email,webhooks", env: dict[str, str] | None = None
) -> subprocess.Popen:
    """Start a worker and wait until it answers a ping: a worker still booting on a busy machine
    would otherwise eat into the time a test gives the work itself."""
    name = f"test-{uuid.uuid4().hex[:8]}@localhost"
    worker = _spawn(queues, env, name)
    try:
        wait_for(lambda: _answers(name), seconds=60, what=f"worker {name} to start")
    except AssertionError:
        stop_worker(worker, signal.SIGKILL)
        raise
    return worker


def _answers(name: str) -> bool:
    from config.celery import app

    return bool(app.control.ping(destination=[name], timeout=0.5))


def _spawn(queues: str, env: dict[str, str] | None, name: str) -> subprocess.Popen:
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        # Reads where this test process reads: the primary itself, or the standby under test.
        "TEST_REPLICA_DATABASE_URL": replica_url(),
        # The run's key, as a deployment's workers share the API's: invitation links rebuilt by
        # the worker must match the hashes the test process stored.
        "SECRET_KEY": settings.SECRET_KEY,
        **(env or {}),
    }
    return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [
            sys.executable, "-m", "celery", "-A", "config", "worker",
            "-Q", queues, "--concurrency", "2", "--loglevel", "WARNING", "-n", name,
            "--without-heartbeat", "--without-gossip", "--without-mingle",
        ],
        cwd=BACKEND,
        env=env,
        start_new_session=True,
    )  # fmt: skip


def replica_url() -> str:
    replica = connections["replica"].settings_dict
    return f"postgres://{replica['USER']}@{replica['HOST']}:{replica['PORT']}/{replica['NAME']}"


def stop_worker(worker: subprocess.Popen, sig: int = signal.SIGTERM) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, sig)
        worker.wait(30)


def wait_for(condition, *, seconds: float = 60, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}; {_old_transactions()}")


def _old_transactions() -> str:
    """Transactions open anywhere on the server for over 5 s: they hold the commit horizon (and
    so the relay) back, the usual reason a relay test times out on a shared machine."""
    from django.db import connections

    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT datname, pid, state, now() - xact_start, left(query, 80)"
            " FROM pg_stat_activity WHERE backend_xid IS NOT NULL"
            " AND xact_start < now() - interval '5 seconds'"
        )
        rows = cursor.fetchall()
    return f"transactions holding the horizon: {rows}" if rows else "no old transactions"


def purge_queues(*queues: str) -> None:
    """Drop tasks waiting in these queues (left by an earlier test, or enqueued by setup)."""
    from config.celery import app

    with app.connection_for_write() as broker:
        for queue in queues or ("relay", "default", "email", "webhooks"):
            broker.default_channel.queue_purge(queue)


def queue_length(queue: str) -> int:
    """Tasks waiting in `queue` in the broker (Redis: one list per queue)."""
    from config.celery import app

    with app.connection_for_write() as broker:
        return broker.default_channel.client.llen(queue)
