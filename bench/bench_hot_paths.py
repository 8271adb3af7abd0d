"""The hot reads side by side with the reference handler: sequential and 8-connection figures.

For each read (project list, workspace list, search, detail) the driver first checks that the
API and the reference (bench/reference_server.py) answer with the same JSON, then measures
each server: N requests one at a time (p50/p99), then N requests over C keep-alive connections
(req/s, p50/p99). The ratio is the API's req/s over the reference's at C connections.
Stdlib only; run by `make bench`, which seeds the data and starts both servers.

    python bench/bench_hot_paths.py --api http://127.0.0.1:8001 --reference http://127.0.0.1:8003
"""

from __future__ import annotations

import argparse
import http.client
import json
import statistics
import sys
import threading
import time
from urllib.parse import quote, urlsplit

from benchlib import percentile, sign_in

WORKSPACE = "acme"


def fetch(connection: http.client.HTTPConnection, path: str, headers: dict) -> bytes:
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    if response.status != 200:
        raise SystemExit(f"GET {path}: {response.status} {body[:300]!r}")
    return body


def run(base: str, path: str, headers: dict, total: int, concurrency: int) -> dict:
    split = urlsplit(base)
    latencies: list[float] = []
    lock = threading.Lock()
    remaining = [total]

    def worker() -> None:
        connection = http.client.HTTPConnection(split.hostname, split.port, timeout=60)
        while True:
            with lock:
                if remaining[0] == 0:
                    return
                remaining[0] -= 1
            started = time.perf_counter()
            fetch(connection, path, headers)
            elapsed = time.perf_counter() - started
            with lock:
                latencies.append(elapsed * 1000)

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {
        "rps": total / wall,
        "p50": statistics.median(latencies),
        "p99": percentile(latencies, 0.99),
    }


def same_answer(api: bytes, reference: bytes) -> bool:
    """Equal JSON, the opaque cursor aside (both present or both absent)."""
    left, right = json.loads(api), json.loads(reference)
    if "results" in left:
        if (left["next_cursor"] is None) != (right["next_cursor"] is None):
            return False
        return left["results"] == right["results"]
    return left == right


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--api", default="http://127.0.0.1:8001")
    parser.add_argument("--reference", default="http://127.0.0.1:8003")
    parser.add_argument("--project", default="BIG")
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--only", default="", help="Measure only the cases whose name has this.")
    args = parser.parse_args()

    token = sign_in(args.api)
    api_headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
    ws = f"/api/v1/workspaces/{WORKSPACE}"
    cases = {
        "project list (100)": (
            f"{ws}/projects/{args.project}/issues?limit=100",
            f"/projects/{args.project}/issues?limit=100",
        ),
        "workspace list (100)": (f"{ws}/issues?limit=100", "/issues?limit=100"),
        "search (100)": (
            f"{ws}/issues?limit=100&q={quote('dark mode')}",
            f"/issues?limit=100&q={quote('dark mode')}",
        ),
        "issue detail": (f"{ws}/issues/{args.project}-500", f"/issues/{args.project}-500"),
    }
    cases = {name: paths for name, paths in cases.items() if args.only in name}
    api_split, reference_split = urlsplit(args.api), urlsplit(args.reference)
    api_connection = http.client.HTTPConnection(api_split.hostname, api_split.port, timeout=60)
    reference_connection = http.client.HTTPConnection(
        reference_split.hostname, reference_split.port, timeout=60
    )
    for name, (api_path, reference_path) in cases.items():
        api_body = fetch(api_connection, api_path, api_headers)
        reference_body = fetch(reference_connection, reference_path, {})
        if not same_answer(api_body, reference_body):
            print(f"{name}: the API and the reference answer differently", file=sys.stderr)
            print(api_body[:600], reference_body[:600], sep="\n\n", file=sys.stderr)
            raise SystemExit(1)

    print(
        f"{args.requests} requests per figure; {args.concurrency} connections for req/s; "
        "latencies in ms"
    )
    header = (
        f"{'read':<22} {'server':<10} {'seq p50':>8} {'seq p99':>8}"
        f" {'req/s':>7} {'p50':>7} {'p99':>7} {'ratio':>6}"
    )
    print(header)
    for name, (api_path, reference_path) in cases.items():
        figures = {}
        for server, base, path, headers in (
            ("reference", args.reference, reference_path, {}),
            ("api", args.api, api_path, api_headers),
        ):
            run(base, path, headers, max(20, args.requests // 20), args.concurrency)  # warm-up
            sequential = run(base, path, headers, args.requests, 1)
            concurrent = run(base, path, headers, args.requests, args.concurrency)
            figures[server] = concurrent
            ratio = (
                f"{concurrent['rps'] / figures['reference']['rps']:.0%}" if server == "api" else ""
            )
            print(
                f"{name:<22} {server:<10} {sequential['p50']:>8.1f} {sequential['p99']:>8.1f}"
                f" {concurrent['rps']:>7.1f} {concurrent['p50']:>7.1f} {concurrent['p99']:>7.1f}"
                f" {ratio:>6}"
            )

    # What every API read pays before its own work, for the note on what stands in the way:
    # the middleware alone, then authentication, membership and the project lookup as well.
    floors = {
        "floor: /healthz (middleware only)": ("/healthz", {}),
        "floor: project detail (auth, access)": (f"{ws}/projects/{args.project}", api_headers),
    }
    for name, (path, headers) in floors.items():
        run(args.api, path, headers, max(20, args.requests // 20), args.concurrency)
        sequential = run(args.api, path, headers, args.requests, 1)
        concurrent = run(args.api, path, headers, args.requests, args.concurrency)
        print(
            f"{name:<37} {sequential['p50']:>8.1f} {sequential['p99']:>8.1f}"
            f" {concurrent['rps']:>7.1f} {concurrent['p50']:>7.1f} {concurrent['p99']:>7.1f}"
        )


if __name__ == "__main__":
    main()
