"""Closed-loop load driver for the API: N requests over C connections, latency percentiles.

Stdlib only. Talks to a server on this machine (loopback); every run is bounded by --requests
and --max-seconds, then stops by itself.

    python bench/load.py --base http://127.0.0.1:8000 --requests 2000 --concurrency 8
"""

import argparse
import http.client
import json
import statistics
import threading
import time
from urllib.parse import urlsplit

ENDPOINTS = {
    "project issue list (50)": "/api/v1/workspaces/acme/projects/ENG/issues?limit=50",
    "project issue list (100, filtered)": (
        "/api/v1/workspaces/acme/projects/ENG/issues?limit=100&state_category=started,unstarted"
    ),
    "workspace issue list (50)": "/api/v1/workspaces/acme/issues?limit=50",
    "issue search": "/api/v1/workspaces/acme/issues?q=search",
    "issue detail": "/api/v1/workspaces/acme/issues/ENG-7",
}


def sign_in(host: str, port: int, email: str, password: str) -> str:
    connection = http.client.HTTPConnection(host, port, timeout=10)
    body = json.dumps({"email": email, "password": password})
    connection.request("POST", "/api/v1/auth/token", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    payload = json.loads(response.read())
    if response.status != 200:
        raise SystemExit(f"sign-in failed: {response.status} {payload}")
    return payload["access"]


def run(host, port, path, token, total, concurrency, max_seconds):
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    remaining = [total]
    deadline = time.monotonic() + max_seconds

    def worker():
        nonlocal errors
        connection = http.client.HTTPConnection(host, port, timeout=10)
        headers = {"Authorization": f"Bearer {token}"}
        while time.monotonic() < deadline:
            with lock:
                if remaining[0] == 0:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed)
                if response.status != 200:
                    errors += 1

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    latencies.sort()

    def pct(p):
        return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000

    return {
        "requests": len(latencies),
        "errors": errors,
        "rps": len(latencies) / wall,
        "p50_ms": pct(50),
        "p95_ms": pct(95),
        "p99_ms": pct(99),
        "mean_ms": statistics.fmean(latencies) * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--max-seconds", type=float, default=60)
    parser.add_argument("--email", default="member@example.com")
    parser.add_argument("--password", default="docket-demo-password")
    args = parser.parse_args()
    base = urlsplit(args.base)
    if base.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("This driver only targets a server on this machine.")
    token = sign_in(base.hostname, base.port or 80, args.email, args.password)
    print("| endpoint | requests | errors | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, path in ENDPOINTS.items():
        result = run(
            base.hostname,
            base.port or 80,
            path,
            token,
            args.requests,
            args.concurrency,
            args.max_seconds,
        )
        print(
            f"| {name} | {result['requests']} | {result['errors']} | {result['rps']:.0f} | "
            f"{result['p50_ms']:.1f} | {result['p95_ms']:.1f} | {result['p99_ms']:.1f} |"
        )


if __name__ == "__main__":
    main()
