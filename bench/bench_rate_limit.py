"""What the rate limiter adds to a write: p50 of an issue create (POST with an Idempotency-Key),
limiter on vs off, against uvicorn (one worker) on a free port and a database of its own.

Stdlib only besides the project's own virtualenv. Creates the database `docket_rl_bench` (or
--database), migrates and seeds the demo tenant, then alternates rounds of the two servers so
that drift on a shared machine lands on both sides equally.

    .venv/bin/python bench/bench_rate_limit.py --requests 200 --rounds 2
"""

import argparse
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from pathlib import Path

from benchlib import sign_in

ROOT = Path(__file__).resolve().parent.parent
BACKEND = ROOT / "backend"
ISSUES = "/api/v1/workspaces/acme/projects/ENG/issues"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def prepare_database(env: dict[str, str], name: str) -> None:
    for command in (["setup_databases", "--fresh", "-v", "0"], ["seed_demo"]):
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", *command], cwd=BACKEND, env=env, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "uvicorn", "config.asgi:application", "--host", "127.0.0.1",
         "--port", str(port), "--no-access-log"],
        cwd=BACKEND, env=env, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def creates(port: int, token: str, count: int) -> list[float]:
    """Milliseconds per issue create, one keep-alive connection, one request at a time."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    latencies = []
    for n in range(count):
        headers = {
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "Idempotency-Key": str(uuid.uuid4()),
        }
        body = json.dumps({"title": f"Bench issue {n}"})
        started = time.perf_counter()
        connection.request("POST", ISSUES, body, headers)
        response = connection.getresponse()
        response.read()
        latencies.append((time.perf_counter() - started) * 1000)
        if response.status != 201:
            raise SystemExit(f"create failed: {response.status}")
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--database", default="docket_rl_bench")
    parser.add_argument("--redis", default="redis://localhost:6379/6")
    args = parser.parse_args()

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": f"postgres://postgres@localhost:5432/{args.database}",
        "REDIS_URL": args.redis,
        "RATE_LIMIT_KEY_PREFIX": f"bench-rl-{os.getpid()}",
        "DEBUG": "false",
        "LOG_LEVEL": "WARNING",
        "RELAY_ON_COMMIT": "false",
        # Budgets large enough for the run: we measure the cost of counting, not refusals.
        "RATE_LIMIT_USER_WRITE": "100000/minute",
        "RATE_LIMIT_WORKSPACE_WRITE": "100000/minute",
    }
    env.setdefault("PGHOST", "localhost")
    env.setdefault("PGUSER", "postgres")
    prepare_database(env, args.database)
    results: dict[str, list[float]] = {"off": [], "on": []}
    try:
        for _round in range(args.rounds):
            for label in ("off", "on"):
                port = free_port()
                server = start_server({**env, "RATE_LIMIT_ENABLED": str(label == "on")}, port)
                try:
                    token = sign_in(f"http://127.0.0.1:{port}")
                    creates(port, token, 20)  # warm-up: imports, pool, caches
                    results[label].extend(creates(port, token, args.requests))
                finally:
                    os.killpg(server.pid, signal.SIGTERM)
                    server.wait(30)
    finally:
        subprocess.run(
            [sys.executable, "manage.py", "setup_databases", "--drop", "-v", "0"],
            cwd=BACKEND, env=env, check=False,
        )  # fmt: skip
    for label, latencies in results.items():
        ordered = sorted(latencies)
        print(
            f"limiter {label:<3}  n={len(ordered)}  p50={statistics.median(ordered):.2f} ms  "
            f"p90={ordered[int(len(ordered) * 0.9)]:.2f} ms"
        )
    delta = statistics.median(results["on"]) - statistics.median(results["off"])
    print(f"p50 added by the limiter: {delta:+.2f} ms")


if __name__ == "__main__":
    main()
