"""What the chaos suite (`make chaos`, bench/chaos.py) and its tests in `make test` share: a
write load over HTTP, the ledger of what each request was answered, and the checks of what the
database holds against what was acknowledged.

The load is what integrators and the SPA send: issues (assigned to someone, so they notify) and
comments on them, half with an `Idempotency-Key` and the retries the SDK makes for such a request
(connection failures, 503 and `409 idempotency_key_in_flight`, with backoff and a total budget, as
`docket_sdk.retry` does), half without one and so without retries (a POST whose answer was lost
may have run). Every write carries a label of its own in its title or body, so the database can
be asked afterwards what became of each.
"""

from __future__ import annotations

import random
import subprocess
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
from django.db.models import Count

IDEMPOTENCY_KEY = "Idempotency-Key"
# What the SDK retries for a keyed POST (docket_sdk.retry): the server may see it twice.
RETRY_STATUSES = frozenset({429, 502, 503})
# Status recorded for an answer that never came (connection refused, reset, timed out).
NO_ANSWER = 0


@dataclass(frozen=True)
class Outcome:
    """The final answer to one logical write, after the client's retries."""

    kind: str  # "issue" or "comment"
    label: str
    keyed: bool
    status: int
    # time.monotonic() when the first try was sent and when the final answer came.
    started: float
    finished: float
    tries: int

    @property
    def acknowledged(self) -> bool:
        return 200 <= self.status < 300


@dataclass
class Ledger:
    outcomes: list[Outcome] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, outcome: Outcome) -> None:
        with self.lock:
            self.outcomes.append(outcome)

    def acknowledged(self) -> list[Outcome]:
        with self.lock:
            return [outcome for outcome in self.outcomes if outcome.acknowledged]

    def errors(self, since: float = 0.0, until: float = float("inf")) -> Counter[int]:
        """Final answers other than 2xx, by status (0: no answer), of writes sent in
        [since, until)."""
        with self.lock:
            return Counter(
                outcome.status
                for outcome in self.outcomes
                if not outcome.acknowledged and since <= outcome.started < until
            )

    def first_acknowledged_after(self, moment: float) -> float | None:
        """When the first write sent after `moment` was acknowledged (recovery)."""
        with self.lock:
            times = [o.finished for o in self.outcomes if o.acknowledged and o.started >= moment]
        return min(times, default=None)


@dataclass(frozen=True)
class Target:
    """Where the load writes: an API, a user's token, a project, and whom issues are assigned
    to (so each write notifies someone)."""

    base: str
    token: str
    workspace: str
    project: str
    assignee_id: str


class WriteLoad:
    """`threads` clients, each creating an issue and then a comment on it, in a loop, until
    stopped. Labels start with `prefix`, so experiments sharing a database count apart."""

    def __init__(
        self, target: Target, prefix: str, *, threads: int = 2, retry_budget: float = 60.0
    ) -> None:
        self.target = target
        self.prefix = prefix
        self.retry_budget = retry_budget
        self.ledger = Ledger()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._run, args=(n,), daemon=True) for n in range(threads)
        ]

    def __enter__(self) -> WriteLoad:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> Ledger:
        self._stop.set()
        for thread in self._threads:
            thread.join(self.retry_budget + 30)
        return self.ledger

    def _run(self, thread: int) -> None:
        headers = {"Authorization": f"Bearer {self.target.token}"}
        issues = f"/api/v1/workspaces/{self.target.workspace}/projects/{self.target.project}/issues"
        with httpx.Client(base_url=self.target.base, headers=headers, timeout=30) as client:
            n = 0
            while not self._stop.is_set():
                n += 1
                label = f"{self.prefix}-{thread}-{n}"
                keyed = n % 2 == 0
                body: dict[str, Any] = {
                    "title": label,
                    "assignee_ids": [self.target.assignee_id],
                }
                status, answer = self._write(client, "issue", issues, body, label, keyed)
                if status != 201 or not isinstance(answer, dict):
                    continue
                comments = f"/api/v1/workspaces/{self.target.workspace}/issues/{answer['key']}"
                self._write(
                    client, "comment", f"{comments}/comments", {"body": f"{label}-c"},
                    f"{label}-c", not keyed,
                )  # fmt: skip

    def _write(
        self, client: httpx.Client, kind: str, path: str, body: dict[str, Any], label: str,
        keyed: bool,
    ) -> tuple[int, Any]:  # fmt: skip
        headers = {IDEMPOTENCY_KEY: str(uuid.uuid4())} if keyed else {}
        started = time.monotonic()
        tries = 0
        while True:
            tries += 1
            status, answer, retry_after = _post(client, path, body, headers)
            waited = time.monotonic() - started
            wait = retry_after if retry_after is not None else _backoff(tries)
            if not (keyed and _retryable(status, answer)) or waited + wait > self.retry_budget:
                break
            time.sleep(wait)
        self.ledger.record(
            Outcome(kind, label, keyed, status, started, time.monotonic(), tries)
        )  # fmt: skip
        return status, answer


def _post(
    client: httpx.Client, path: str, body: dict[str, Any], headers: dict[str, str]
) -> tuple[int, Any, float | None]:
    try:
        response = client.post(path, json=body, headers=headers)
    except httpx.TransportError:
        return NO_ANSWER, None, None
    try:
        answer = response.json()
    except ValueError:
        answer = None
    retry_after = response.headers.get("Retry-After")
    return response.status_code, answer, float(retry_after) if retry_after else None


def _retryable(status: int, answer: Any) -> bool:
    if status in RETRY_STATUSES or status == NO_ANSWER:
        return True
    return (
        status == 409
        and isinstance(answer, dict)
        and answer.get("code") == "idempotency_key_in_flight"
    )


def _backoff(tries: int) -> float:
    """Capped exponential backoff with full jitter, as the SDK's."""
    return random.random() * min(8.0, 0.25 * 2.0**tries)


@dataclass(frozen=True)
class Stored:
    """What the database holds of one experiment's writes, against what was acknowledged."""

    acknowledged: int
    # Acknowledged writes the database does not have.
    lost: list[str]
    # Labels created more than once, and those of them that were keyed POSTs.
    duplicated: list[str]
    keyed_duplicated: list[str]
    # Writes whose answer was lost (no answer, 5xx) that the database has anyway.
    unacknowledged_stored: int

    @property
    def ok(self) -> bool:
        return not self.lost and not self.keyed_duplicated


def stored(ledger: Ledger, prefix: str) -> Stored:
    """Compare the ledger with the issues and comments under `prefix` in the database."""
    # Imported here: the chaos suite imports this module before it configures Django.
    from docket.issues.models import Comment, Issue

    counts: Counter[str] = Counter()
    for model, column in ((Issue, "title"), (Comment, "body")):
        rows = (
            model.objects.filter(**{f"{column}__startswith": f"{prefix}-"})
            .values(column)
            .annotate(n=Count("pk"))
        )
        counts.update({row[column]: row["n"] for row in rows})
    with ledger.lock:
        outcomes = list(ledger.outcomes)
    acknowledged = [o for o in outcomes if o.acknowledged]
    keyed = {o.label for o in outcomes if o.keyed}
    duplicated = sorted(label for label, n in counts.items() if n > 1)
    return Stored(
        acknowledged=len(acknowledged),
        lost=sorted(o.label for o in acknowledged if counts[o.label] == 0),
        duplicated=duplicated,
        keyed_duplicated=[label for label in duplicated if label in keyed],
        unacknowledged_stored=sum(
            1 for o in outcomes if not o.acknowledged and counts[o.label] > 0
        ),
    )


def gunicorn_workers(master: int) -> list[int]:
    """The pids of the workers of gunicorn's master `master` (its children)."""
    found = subprocess.run(  # noqa: S603 - a fixed program and a pid
        ["pgrep", "-P", str(master)], capture_output=True, text=True, check=False  # noqa: S607
    )  # fmt: skip
    return [int(pid) for pid in found.stdout.split()]
