"""Chaos: break one dependency at a time under a write load, and count what survived.

`make chaos` runs this on a stack of its own: a PostgreSQL cluster (initdb in a temporary
directory, its own port), a Redis, an SMTP sink and a webhook receiver (local servers), the API
under gunicorn with its production config (2 workers), a Celery worker and beat. Nothing of the
shared services on 5432/6379 is touched.

Each experiment runs the same load (docket.testing.chaos.WriteLoad: issues and comments over
HTTP, half keyed with the SDK's retries, half not), breaks one thing, heals it, keeps writing a
while, then waits for the consumers to catch up and compares:

- acknowledged writes (2xx) against the database: lost, created twice (keyed POSTs must never be),
  and writes whose answer the client never got (or got as a 5xx) that the database has anyway;
- deliveries per consumer for every stored write: the change feed (its event), notifications,
  emails at the SMTP sink (by Message-ID), webhooks at the receiver (by webhook-id), analytics
  facts; missing and duplicated;
- client-visible errors after the client's retries, by status (0: no answer), during the fault
  and after it healed; the time from healing to the first acknowledged write, and until every
  consumer had caught up.

Exits non-zero if anything acknowledged (or a delivery of it) is lost, a keyed POST created
twice, a 500 answered after recovery, or a 500 during the Redis outage.

Retry waits of mail and webhooks and the sweeps' queue lease are shortened (environment below),
so a run takes minutes, not hours; the mechanisms are the product's.

    python bench/chaos.py [--quick] [--only redis,postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

import httpx
import websockets

BACKEND = Path(__file__).resolve().parents[1] / "backend"
sys.path.insert(0, str(BACKEND))

from benchlib import sign_in  # noqa: E402
from django.db import connections  # noqa: E402

from docket.testing.chaos import (  # noqa: E402
    Ledger,
    Stored,
    Target,
    WriteLoad,
    gunicorn_workers,
    stored,
)
from docket.testing.private_postgres import PrivatePostgres  # noqa: E402
from docket.testing.receiver import Receiver, ReceiverServer  # noqa: E402
from docket.testing.redis_server import PrivateRedis  # noqa: E402
from docket.testing.smtp import Mailbox, SmtpServer, free_port  # noqa: E402

# Shortened waits (see the docstring); everything else is the product's default.
SHORTENED = {
    "EMAIL_RETRY_DELAYS": "2,5,10,20,30,60,120",
    "WEBHOOK_RETRY_DELAYS": "2,5,10,20,30,60,120",
    "DELIVERY_QUEUE_LEASE_SECONDS": "20",
    "DELIVERY_COUNTDOWN_GRACE_SECONDS": "10",
    "EMAIL_SWEEP_AFTER_SECONDS": "10",
}
# A mail a killed worker was sending comes back once its claim ran out (EMAIL_CLAIM_SECONDS,
# 120 s) and the next mail sweep (every 60 s) ran: measured up to 228 s on the busy 2-core box.
CATCH_UP_SECONDS = 300


@dataclass
class Timing:
    warm_up: float
    fault: float
    after: float


@dataclass
class Stack:
    """The private services, and how to restart the parts an experiment kills."""

    env: dict[str, str]
    directory: Path
    postgres: PrivatePostgres
    redis: PrivateRedis
    mailbox: Mailbox
    receiver: Receiver
    api_port: int
    api: subprocess.Popen[bytes] | None = None
    worker: subprocess.Popen[bytes] | None = None
    beat: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.api_port}"

    def spawn(self, *command: str, **extra: str) -> subprocess.Popen[bytes]:
        name = next(part for part in command if part in ("gunicorn", "worker", "beat"))
        log = (self.directory / f"{name}.log").open("ab")
        return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            [sys.executable, "-m", *command],
            cwd=BACKEND, env={**self.env, **extra}, start_new_session=True,
            stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip

    def start_api(self) -> None:
        self.api = self.spawn(
            "gunicorn", "-c", "config/gunicorn.conf.py",
            BIND=f"127.0.0.1:{self.api_port}", WEB_CONCURRENCY="2",
        )  # fmt: skip
        wait_until(lambda: _answers(self.base + "/healthz"), 60, "the API")

    def start_worker(self) -> None:
        self.worker = self.spawn(
            "celery", "-A", "config", "worker", "-Q", "relay,default,email,webhooks",
            "--concurrency", "2", "--loglevel", "WARNING", "-n", "chaos@localhost",
            "--without-gossip", "--without-mingle",
        )  # fmt: skip

    def start_beat(self) -> None:
        schedule = str(self.directory / "beat-schedule")
        self.beat = self.spawn("celery", "-A", "config", "beat", "-s", schedule, "-l", "WARNING")

    def stop_all(self) -> None:
        for process in (self.api, self.worker, self.beat):
            kill_group(process, signal.SIGTERM)


def kill_group(process: subprocess.Popen[bytes] | None, sig: int) -> None:
    if process is not None and process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2).status_code == 200
    except httpx.TransportError:
        return False


def wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        time.sleep(0.2)


# --- the experiments: each breaks one thing, holds it, heals it, and returns when it healed ---


def kill_celery_worker(stack: Stack, timing: Timing) -> float:
    kill_group(stack.worker, signal.SIGKILL)
    time.sleep(timing.fault)
    stack.start_worker()
    return time.monotonic()


def kill_api_worker(stack: Stack, timing: Timing) -> float:
    # gunicorn's master starts a new worker at once; the requests the dead one held are cut.
    if stack.api is None:
        raise SystemExit("the API is not running")
    os.kill(gunicorn_workers(stack.api.pid)[0], signal.SIGKILL)
    return time.monotonic()


def stop_redis(stack: Stack, timing: Timing) -> float:
    stack.redis.stop()
    time.sleep(timing.fault * 3)  # 30 s in a full run
    stack.redis.start()  # empty: no persistence, as after a crash
    return time.monotonic()


def restart_postgres(stack: Stack, timing: Timing) -> float:
    stack.postgres.stop("immediate")
    time.sleep(timing.fault)
    stack.postgres.start()
    return time.monotonic()


def smtp_refuses(stack: Stack, timing: Timing) -> float:
    stack.mailbox.refuse_until = time.monotonic() + timing.fault * 2
    time.sleep(timing.fault * 2)
    return time.monotonic()


def webhook_receiver_hangs(stack: Stack, timing: Timing) -> float:
    # Each request is held 30 s, past the 10 s attempt deadline.
    stack.receiver.pause_seconds = 30.0
    time.sleep(timing.fault * 2)
    stack.receiver.pause_seconds = 0.0
    return time.monotonic()


EXPERIMENTS: dict[str, tuple[str, Callable[[Stack, Timing], float]]] = {
    "worker": ("kill -9 the Celery worker", kill_celery_worker),
    "api": ("kill -9 a gunicorn API worker", kill_api_worker),
    "redis": ("Redis stopped, back empty", stop_redis),
    "postgres": ("PostgreSQL restarted -m immediate", restart_postgres),
    "smtp": ("SMTP answers 451, then recovers", smtp_refuses),
    "webhook": ("webhook receiver hangs", webhook_receiver_hangs),
}


# --- realtime: a socket subscribed to the project, as the SPA keeps one ---------------------


class RealtimeListener:
    """A websocket client subscribed to the load's project, reconnecting (with a new ticket) when
    its socket drops, as the SPA does; it counts the event ids it is pushed."""

    def __init__(self, target: Target) -> None:
        self.target = target
        self.seen: Counter[int] = Counter()
        # Sockets opened: more than one means it dropped (and missed what came meanwhile).
        self.sockets = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._run()), daemon=True)

    def __enter__(self) -> RealtimeListener:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(10)

    async def _run(self) -> None:
        while not self._stop.is_set():
            try:
                await self._listen()
            except (OSError, httpx.HTTPError, websockets.WebSocketException, KeyError):
                await asyncio.sleep(1)

    async def _listen(self) -> None:
        auth = {"Authorization": f"Bearer {self.target.token}"}
        async with httpx.AsyncClient(base_url=self.target.base, headers=auth) as client:
            ticket = (await client.post("/api/v1/realtime/ticket")).json()["ticket"]
        url = self.target.base.replace("http", "ws", 1) + "/ws/v1/"
        async with websockets.connect(url) as socket:
            self.sockets += 1
            await socket.send(json.dumps({"type": "auth", "ticket": ticket}))
            await socket.send(
                json.dumps(
                    {"type": "subscribe", "workspace": self.target.workspace,
                     "project": self.target.project}
                )
            )  # fmt: skip
            while not self._stop.is_set():
                try:
                    message = json.loads(await asyncio.wait_for(socket.recv(), 1))
                except TimeoutError:
                    continue
                if message.get("type") == "event":
                    self.seen[int(message["event"]["id"])] += 1


# --- counting ----------------------------------------------------------------------------------


@dataclass
class Delivered:
    """One consumer's deliveries of the stored writes: expected, arrived, missing, duplicated."""

    expected: int
    arrived: int
    duplicated: int

    @property
    def missing(self) -> int:
        return self.expected - self.arrived

    def __str__(self) -> str:
        return f"{self.arrived}/{self.expected}" + (
            f" +{self.duplicated}" if self.duplicated else ""
        )


def deliveries(stack: Stack, prefix: str, pushed: Counter[int]) -> dict[str, Delivered]:
    from docket.analytics.models import IssueFact
    from docket.core.models import Event
    from docket.integrations.models import WebhookDelivery
    from docket.issues.models import Comment, Issue
    from docket.notifications.models import Notification

    issues = set(Issue.objects.filter(title__startswith=f"{prefix}-").values_list("id", flat=True))
    comments = set(
        Comment.objects.filter(body__startswith=f"{prefix}-").values_list("id", flat=True)
    )
    events = dict(
        Event.objects.filter(
            subject_id__in=issues | comments, name__in=["issue.created", "comment.created"]
        ).values_list("id", "subject_id")
    )
    notified = list(Notification.objects.filter(event_id__in=events).values_list("event_id", "id"))
    notified_events = {event for event, _ in notified}
    expected_mail = {f"<notification-{id_}@docket>" for _, id_ in notified}
    with stack.mailbox.lock:
        mailed = Counter(str(message["Message-ID"]) for message in stack.mailbox.accepted)
    with stack.receiver.lock:
        hooked = Counter(request.webhook_id for request in stack.receiver.received)

    planned = dict(
        WebhookDelivery.objects.filter(event_id__in=events).values_list("id", "event_id")
    )
    hooked_events = {planned[uid] for uid in planned if hooked[f"msg_{uid.hex}"]}
    facts = IssueFact.objects.using("analytics").filter(issue_id__in=issues).count()
    return {
        "feed": Delivered(len(issues) + len(comments), len(events), 0),
        "notifications": Delivered(len(events), len(notified_events), 0),
        "emails": Delivered(
            len(expected_mail),
            sum(1 for mid in expected_mail if mailed[mid]),
            sum(mailed[mid] - 1 for mid in expected_mail if mailed[mid] > 1),
        ),
        "webhooks": Delivered(
            len(events),
            len(hooked_events),
            sum(hooked[f"msg_{uid.hex}"] - 1 for uid in planned if hooked[f"msg_{uid.hex}"] > 1),
        ),
        "analytics": Delivered(len(issues), facts, 0),
        "realtime": Delivered(
            len(events),
            sum(1 for event in events if pushed[event]),
            sum(pushed[event] - 1 for event in events if pushed[event] > 1),
        ),
    }


@dataclass
class Result:
    name: str
    title: str
    stored: Stored
    delivered: dict[str, Delivered]
    errors_during: Counter[int]
    errors_after: Counter[int]
    recovery: float | None
    caught_up: float | None

    def failures(self) -> list[str]:
        found = []
        if not self.stored.acknowledged:
            found.append("no write was acknowledged")
        # A 4xx other than these says the load itself is wrong (an expired token, a bad body).
        refused = {s: n for s, n in (self.errors_during + self.errors_after).items()
                   if 400 <= s < 500 and s not in (409, 429)}  # fmt: skip
        if refused:
            found.append(f"writes refused: {refused}")
        if self.stored.lost:
            found.append(f"{len(self.stored.lost)} acknowledged writes lost")
        if self.stored.keyed_duplicated:
            found.append(f"keyed POSTs created twice: {self.stored.keyed_duplicated}")
        if self.errors_after[500]:
            found.append(f"{self.errors_after[500]} answers 500 after recovery")
        if self.name == "redis" and self.errors_during[500]:
            found.append(f"{self.errors_during[500]} answers 500 during the Redis outage")
        # Realtime is at most once by design (a socket misses what happens while it is down).
        missing = {
            name: d.missing
            for name, d in self.delivered.items()
            if d.missing and name != "realtime"
        }
        if missing:
            found.append(f"deliveries missing: {missing}")
        return found


def run_experiment(stack: Stack, name: str, target: Target, timing: Timing) -> Result:
    title, fault = EXPERIMENTS[name]
    prefix = f"chaos-{name}-{secrets.token_hex(3)}"
    # A fresh access token: one outlives an experiment, not the suite.
    target = replace(target, token=sign_in(stack.base))
    print(f"\n-- {title}", flush=True)
    # The socket stays open until the consumers caught up: the relay pushes what it had late.
    with RealtimeListener(target) as listener:
        with WriteLoad(target, prefix) as load:
            time.sleep(timing.warm_up)
            broken = time.monotonic()
            healed = fault(stack, timing)
            time.sleep(timing.after)
        ledger: Ledger = load.ledger
        first = ledger.first_acknowledged_after(healed)
        # This process's own connections may have died with the database.
        connections.close_all()
        found = stored(ledger, prefix)
        deadline = time.monotonic() + CATCH_UP_SECONDS
        while True:
            delivered = deliveries(stack, prefix, listener.seen)
            if complete(delivered) or time.monotonic() > deadline:
                break
            time.sleep(1)
        caught_up = time.monotonic() - healed if complete(delivered) else None
    result = Result(
        name=name, title=title, stored=found, delivered=delivered,
        errors_during=ledger.errors(broken, healed), errors_after=ledger.errors(healed),
        recovery=None if first is None else max(0.0, first - healed), caught_up=caught_up,
    )  # fmt: skip
    print(f"   {row(result)}\n   realtime sockets opened: {listener.sockets}", flush=True)
    return result


def complete(delivered: dict[str, Delivered]) -> bool:
    return all(d.missing <= 0 for name, d in delivered.items() if name != "realtime")


def _errors(counter: Counter[int]) -> str:
    return (
        ", ".join(f"{status or 'no answer'}: {n}" for status, n in sorted(counter.items())) or "-"
    )


HEADER = (
    "| experiment | acknowledged | lost | created twice (keyed) | unanswered, stored | feed "
    "| notifications | emails "
    "| webhooks | analytics | realtime | errors during | errors after | recovery s | caught up s |"
)


def row(result: Result) -> str:
    s, d = result.stored, result.delivered
    seconds = [
        f"{v:.1f}" if v is not None else "never" for v in (result.recovery, result.caught_up)
    ]
    return (
        f"| {result.title} | {s.acknowledged} | {len(s.lost)} | {len(s.duplicated)} "
        f"({len(s.keyed_duplicated)}) | {s.unacknowledged_stored} | {d['feed']} "
        f"| {d['notifications']} | {d['emails']} "
        f"| {d['webhooks']} | {d['analytics']} | {d['realtime']} | {_errors(result.errors_during)} "
        f"| {_errors(result.errors_after)} | {seconds[0]} | {seconds[1]} |"
    )


# --- the stack ---------------------------------------------------------------------------------


@contextmanager
def private_stack() -> Iterator[Stack]:
    with ExitStack() as exits:
        directory = Path(exits.enter_context(tempfile.TemporaryDirectory(prefix="docket-chaos-")))
        postgres = PrivatePostgres(directory)
        postgres.init()
        exits.callback(postgres.stop)
        redis = PrivateRedis()
        redis.start()
        exits.callback(redis.stop)
        smtp = exits.enter_context(SmtpServer())
        receiver = exits.enter_context(ReceiverServer())
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.local",
            "DATABASE_URL": postgres.url("docket"),
            "REPLICA_DATABASE_URL": postgres.url("docket"),
            "ANALYTICS_DATABASE_URL": postgres.url("docket_analytics"),
            "REDIS_URL": redis.url,
            "CELERY_BROKER_URL": redis.url.replace("/0", "/1"),
            "CHANNEL_REDIS_URL": redis.url.replace("/0", "/2"),
            "SECRET_KEY": secrets.token_urlsafe(64),
            "DEBUG": "false",
            "LOG_LEVEL": "ERROR",
            "RATE_LIMIT_ENABLED": "false",
            "WEBHOOK_ALLOW_PRIVATE_ADDRESSES": "true",
            "WEBHOOK_REQUIRE_HTTPS": "false",
            "PYTHONUNBUFFERED": "1",
            **smtp.env,
            **SHORTENED,
        }
        os.environ.update(env)
        for database in ("docket", "docket_analytics"):
            subprocess.run(  # noqa: S603
                [str(postgres.bin / "createdb"), "-h", "127.0.0.1", "-p", str(postgres.port),
                 "-U", "postgres", database],
                check=True,
            )  # fmt: skip
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "setup_databases", "-v", "0"], cwd=BACKEND, env=env, check=True)  # noqa: S603
        subprocess.run([*manage, "seed_demo"], cwd=BACKEND, env=env, check=True,  # noqa: S603
                       stdout=subprocess.DEVNULL)  # fmt: skip
        stack = Stack(env, directory, postgres, redis, smtp.mailbox, receiver, free_port())
        exits.callback(stack.stop_all)
        stack.start_api()
        stack.start_worker()
        stack.start_beat()
        yield stack


def subscribe_receiver(stack: Stack) -> None:
    from docket.integrations.models import WebhookEndpoint
    from docket.integrations.signing import new_secret
    from docket.workspaces.models import Workspace

    WebhookEndpoint.objects.create(
        workspace=Workspace.objects.get(slug="acme"),
        url=stack.receiver.url,
        event_types=["issue.created", "comment.created"],
        secret=new_secret(),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter faults (Redis down 10 s)")
    parser.add_argument("--only", default="", help="comma-separated: " + ",".join(EXPERIMENTS))
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(EXPERIMENTS)
    timing = Timing(warm_up=3, fault=3, after=5) if args.quick else Timing(3, 10, 8)
    started = time.monotonic()
    with private_stack() as stack:
        import django

        django.setup()
        from docket.accounts.models import User

        subscribe_receiver(stack)
        owner = User.objects.get(email="owner@example.com")
        target = Target(stack.base, "", "acme", "ENG", str(owner.pk))
        results = [run_experiment(stack, name, target, timing) for name in names]
    print(f"\n{HEADER}\n|{'---|' * 15}")
    for result in results:
        print(row(result))
    failures = [f"{r.title}: {f}" for r in results for f in r.failures()]
    print(f"\n{len(results)} experiments in {time.monotonic() - started:.0f} s")
    for failure in failures:
        print(f"FAILED {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
