"""Delay from commit to websocket delivery, through the real path.

A PATCH commits an issue change; its commit enqueues a relay; a Celery worker relays the event;
the fan-out publishes it on Redis; the API process hands it to each subscribed socket. For each
of --updates changes the driver records when the PATCH answered (the commit happened just
before) and when the event reached the measuring socket, and with --sockets extra subscribers,
when it had reached all of them. Reports median and p99.

Needs a running API and worker (`make bench-realtime` starts both). Signs in as the demo owner.

    python bench/bench_realtime.py --base http://127.0.0.1:8001 --updates 200 --sockets 1000
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import json
import statistics
import time
from urllib.parse import urlsplit

from websockets.asyncio.client import connect

WORKSPACE, PROJECT, ISSUE = "acme", "ENG", "ENG-7"


def request(base: str, method: str, path: str, token: str | None = None, body=None) -> dict:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = connection.getresponse()
    payload = response.read()
    if response.status >= 300:
        raise SystemExit(f"{method} {path}: {response.status} {payload[:200]!r}")
    return json.loads(payload) if payload else {}


async def open_socket(base: str, token: str):
    ticket = (await asyncio.to_thread(request, base, "POST", "/api/v1/realtime/ticket", token))[
        "ticket"
    ]
    url = base.replace("http", "ws", 1) + "/ws/v1/"
    socket = await connect(url, max_queue=None, open_timeout=30)
    await socket.send(json.dumps({"type": "auth", "ticket": ticket}))
    await expect(socket, "ready")
    await socket.send(json.dumps({"type": "subscribe", "workspace": WORKSPACE, "project": PROJECT}))
    await expect(socket, "subscribed")
    return socket


async def expect(socket, kind: str) -> None:
    message = json.loads(await socket.recv())
    if message["type"] != kind:
        raise SystemExit(f"expected {kind}, got {message}")


async def wait_for_title(socket, issue_id: str, version_after: int) -> tuple[float, int]:
    """When this socket hears of the issue's next change (an event newer than version_after)."""
    while True:
        message = json.loads(await socket.recv())
        event = message.get("event")
        if (
            message["type"] == "event"
            and event["subject"]["id"] == issue_id
            and event["version"] > version_after
        ):
            return time.perf_counter(), event["version"]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


async def main(args: argparse.Namespace) -> None:
    token = request(
        args.base,
        "POST",
        "/api/v1/auth/token",
        body={"email": "owner@example.com", "password": "docket-demo-password"},
    )["access"]
    issue_path = f"/api/v1/workspaces/{WORKSPACE}/issues/{ISSUE}"
    issue = request(args.base, "GET", issue_path, token)
    issue_id, original_title = issue["id"], issue["title"]

    measuring = await open_socket(args.base, token)
    others = []
    started = time.perf_counter()
    for start in range(0, args.sockets, 50):
        batch = [open_socket(args.base, token) for _ in range(min(50, args.sockets - start))]
        others += await asyncio.gather(*batch)
    if args.sockets:
        print(f"{args.sockets} extra sockets subscribed in {time.perf_counter() - started:.1f} s")

    after_commit, after_send, all_sockets = [], [], []
    version = 0
    for n in range(args.updates):
        body = {"title": f"Realtime bench {n}"}
        sent = time.perf_counter()
        listen = asyncio.ensure_future(wait_for_title(measuring, issue_id, version))
        everyone = [asyncio.ensure_future(wait_for_title(s, issue_id, version)) for s in others]
        await asyncio.to_thread(request, args.base, "PATCH", issue_path, token, body)
        answered = time.perf_counter()
        received, version = await asyncio.wait_for(listen, 30)
        after_commit.append((received - answered) * 1000)
        after_send.append((received - sent) * 1000)
        if everyone:
            times = await asyncio.wait_for(asyncio.gather(*everyone), 60)
            all_sockets.append((max(t for t, _ in times) - answered) * 1000)

    def line(label: str, values: list[float]) -> None:
        print(
            f"| {label} | {len(values)} | {statistics.median(values):.1f} "
            f"| {percentile(values, 0.99):.1f} | {max(values):.1f} |"
        )

    print(f"\n{args.updates} updates, 1 measuring socket + {args.sockets} more on the project\n")
    print("| delay | updates | median ms | p99 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    line("PATCH answered -> event on the socket", after_commit)
    line("PATCH sent -> event on the socket", after_send)
    if all_sockets:
        line(f"PATCH answered -> event on all {args.sockets + 1} sockets", all_sockets)
    for socket in [measuring, *others]:
        await socket.close()
    # The demo issue keeps its title for the next person who opens it.
    request(args.base, "PATCH", issue_path, token, {"title": original_title})


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8001")
    parser.add_argument("--updates", type=int, default=200)
    parser.add_argument("--sockets", type=int, default=0, help="extra subscribed sockets")
    asyncio.run(main(parser.parse_args()))
