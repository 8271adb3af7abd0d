"""Background work at its own pace: relay throughput per consumer, and emails sent per second.

Runs against its own database (`make bench-background` creates and migrates `docket_bench`) and
its own broker database, so neither the demo data nor a running `make run` sees it.

1. Backlog: --events issue.updated events (bulk reassignments of 40 issues, one commit each),
   each of which notifies the newly assigned person.
2. Relay: each consumer drains the backlog from a fresh position, in batches as the worker does:
   a no-op consumer (what reading the log costs), realtime (publish to Redis), notifications
   (notification rows and planned emails, enqueued on the email queue on commit).
3. Email: one Celery worker process (`-Q email`) sends what notifications planned to a local
   SMTP server (aiosmtpd); emails per second from its first to its last message.
4. Webhooks: an endpoint subscribed to issue.updated on a local HTTP receiver; the webhooks
   consumer plans one delivery per event, then one worker process (`-Q webhooks`, 2 pool
   processes) signs and sends them; deliveries per second from the first to the last.

    DJANGO_SETTINGS_MODULE=config.settings.local python bench/bench_background.py --events 4000
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

BACKEND = Path(__file__).resolve().parents[1] / "backend"
sys.path.insert(0, str(BACKEND))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ.setdefault("RELAY_ON_COMMIT", "false")
os.environ.setdefault("CELERY_BROKER_URL", "redis://localhost:6379/6")
os.environ.setdefault("CHANNEL_PREFIX", "docket-bench-rt")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.db.models import Max  # noqa: E402

from config.celery import app  # noqa: E402
from docket.accounts.models import User  # noqa: E402
from docket.core.models import ConsumerPosition, Event  # noqa: E402
from docket.core.relay import relay_once  # noqa: E402
from docket.integrations.models import WebhookDelivery, WebhookEndpoint  # noqa: E402
from docket.integrations.services import plan_webhook_deliveries  # noqa: E402
from docket.integrations.signing import new_secret  # noqa: E402
from docket.issues.models import Issue  # noqa: E402
from docket.issues.services import issue_bulk_update, issue_create  # noqa: E402
from docket.notifications.models import DeliveryStatus, EmailDelivery  # noqa: E402
from docket.notifications.services import notify_for_events  # noqa: E402
from docket.projects.access import access_from_membership  # noqa: E402
from docket.projects.services import project_create  # noqa: E402
from docket.realtime.fanout import publish_events  # noqa: E402
from docket.testing.receiver import ReceiverServer  # noqa: E402
from docket.testing.smtp import SmtpServer  # noqa: E402
from docket.workspaces.models import Membership, Role  # noqa: E402
from docket.workspaces.services import workspace_create  # noqa: E402

ISSUES = 40


def build_backlog(events: int) -> tuple[int, int]:
    """A fresh workspace and `events` notifying events; returns the position just before them."""
    run = int(time.time())
    owner = User.objects.create_user(f"owner-{run}@bench.example", "bench-password-1")
    membership = workspace_create(actor=owner, slug=f"bench-{run}", name="Bench")
    members = [User.objects.create_user(f"m{n}-{run}@bench.example", "pw-bench-1") for n in (1, 2)]
    for member in members:
        Membership.objects.create(workspace=membership.workspace, user=member, role=Role.MEMBER)
    access = access_from_membership(membership)
    project = project_create(access=access, key="BENCH", name="Bench")
    issues = [issue_create(access=access, project=project, title=f"#{n}") for n in range(ISSUES)]
    last = Event.objects.aggregate(txid=Max("txid"), id=Max("id"))
    started = time.perf_counter()
    for round_ in range(events // ISSUES):
        fresh = {issue.key: issue for issue in Issue.objects.filter(project=project)}
        assignee = members[round_ % 2]
        changes = {"assignee_ids": [assignee.pk]}
        issue_bulk_update(access=access, issues_by_key=fresh, changes=changes)
    took = time.perf_counter() - started
    print(f"backlog: {events} events in {took:.1f} s ({events / took:.0f} events/s written)")
    del issues
    return last["txid"] or 0, last["id"] or 0


def drain(name: str, handler, position: tuple[int, int]) -> tuple[int, float]:
    ConsumerPosition.objects.update_or_create(
        name=name, defaults={"txid": position[0], "event_id": position[1]}
    )
    handed, started = 0, time.perf_counter()
    while batch := relay_once(name, handler):
        handed += batch
    return handed, time.perf_counter() - started


def _rate_after_the_first(count: Callable[[], int], expected: int) -> float:
    """Items per second from the first one arriving until `expected` did (or 10 minutes): the
    worker's start-up is not part of its pace."""
    first: tuple[float, int] | None = None
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        seen = count()
        if seen and first is None:
            first = (time.perf_counter(), seen)
        if seen >= expected:
            break
        time.sleep(0.05)
    if first is None:
        raise SystemExit("nothing arrived in 10 minutes")
    return (count() - first[1]) / (time.perf_counter() - first[0])


def emails_per_second(planned: int) -> None:
    with SmtpServer() as server:
        mailbox = server.mailbox
        env = {**os.environ, **server.env}
        worker = _worker("email", env)
        try:
            rate = _rate_after_the_first(lambda: len(mailbox.accepted), planned)
            print(
                f"email: one worker (2 processes) sent {len(mailbox.accepted)} of {planned} "
                f"planned; {rate:.0f} emails/s after the first"
            )
        finally:
            worker.terminate()
            worker.wait(30)


def _worker(queue: str, env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "-m", "celery", "-A", "config", "worker", "-Q", queue,
         "--concurrency", "2", "--loglevel", "WARNING", "-n", f"bench-{queue}@localhost",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=BACKEND, env=env, start_new_session=True,
    )  # fmt: skip


def webhooks_per_second(position: tuple[int, int]) -> None:
    with ReceiverServer() as receiver:
        workspace_id = Event.objects.order_by("-id").values_list("workspace_id", flat=True)[0]
        endpoint = WebhookEndpoint.objects.create(
            workspace_id=workspace_id,
            url=receiver.url,
            event_types=["issue.updated"],
            secret=new_secret(),
        )
        # Registered "before" the backlog, so every event of it is its to receive.
        WebhookEndpoint.objects.filter(pk=endpoint.pk).update(created_at="2000-01-01T00:00Z")
        planned, took = drain("bench-webhooks", plan_webhook_deliveries, position)
        print(f"webhooks: planned {planned} deliveries in {took:.2f} s ({planned / took:.0f}/s)")
        worker = _worker(
            "webhooks", {**os.environ, "WEBHOOK_DEVELOPMENT_RECEIVERS": "127.0.0.0/8,::1/128"}
        )
        try:
            rate = _rate_after_the_first(lambda: len(receiver.received), planned)
            ok = WebhookDelivery.objects.filter(endpoint=endpoint, status="succeeded").count()
            print(
                f"webhooks: one worker (2 processes) delivered {len(receiver.received)} of "
                f"{planned} ({ok} recorded as succeeded); {rate:.0f} deliveries/s after the first"
            )
        finally:
            worker.terminate()
            worker.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=4000)
    args = parser.parse_args()
    with app.connection_for_write() as broker:
        for queue in ("email", "webhooks"):
            broker.default_channel.queue_purge(queue)
    position = build_backlog(args.events)
    print("\n| consumer | events | seconds | events/s |")
    print("|---|---:|---:|---:|")
    for name, handler in [
        ("no-op (reading the log)", lambda events: None),
        ("realtime (publish to Redis)", publish_events),
        ("notifications (rows + planned emails)", notify_for_events),
    ]:
        handed, took = drain(f"bench-{name.split()[0]}", handler, position)
        print(f"| {name} | {handed} | {took:.2f} | {handed / took:.0f} |")
    planned = EmailDelivery.objects.filter(status=DeliveryStatus.PENDING).count()
    print()
    emails_per_second(planned)
    print()
    webhooks_per_second(position)


if __name__ == "__main__":
    main()
