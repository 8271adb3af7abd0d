"""Migrations under write load: the longest write stall of each release step, and writes lost.

On a database of its own (docket_migbench) holding one project of 1,000,000 issues with the
issues app migrated to 0002 (before the relation work), 50 writer threads (each its own psycopg
connection, raw SQL that works before and after every migration) insert issues (numbered from
the locked project row, as issue_create does), retitle issues and link/unlink issues, while the
issues migrations are applied one at a time through `migrate_with_timeouts` with the lock
timeout and retries of settings (as setup_databases runs them):

    0003 (plain many-to-many table), then a few thousand links stored both ways,
    0004 (the table becomes the through model: a column with a default, a constraint renamed),
    0005 (nullable external_ref), 0006 (unique index built concurrently, then attached),
    and for contrast a plain ALTER TABLE ... ADD CONSTRAINT UNIQUE (dropped again).

Each write is timed from its first statement to the return of its COMMIT and counted as
acknowledged only then. Per window the table gives the writes whose time overlapped it, their
p50/p99 and the longest (the stall); afterwards every acknowledged insert, last title and last
link state is checked in the database (writes lost, must be 0) and so are the relation rows
(both directions, type 'relates') and the unique constraint (valid index).

The load (under a minute at full size here) is kept: a marker table records it, and the next run
migrates the issues app back to 0002 and deletes what the writers added instead of loading again.

    cd backend && ../.venv/bin/python ../bench/bench_migrations.py --issues 1000000 --writers 50
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg
from psycopg import sql

BENCH = Path(__file__).resolve().parent
BACKEND = BENCH.parent / "backend"
sys.path.insert(0, str(BACKEND))
from docket.core.ids import uuid7  # noqa: E402  (plain Python: no Django setup needed)

PROJECT_KEY = "BIG"
MARKER_TABLE = "bench_migrations_loaded"
LOAD_BATCH = 100_000
ISSUES_PER_WRITER = 60  # 40 to retitle, 20 paired up to link and unlink
RETRY_MARK = "bench-migrations: lock timeout"
# The release steps, in order: (window name, the issues migration to migrate to).
STEPS = [
    ("0003 related (m2m table)", "0003"),
    ("0004 through model", "0004"),
    ("0005 external_ref column", "0005"),
    ("0006 unique, concurrently", "0006"),
]
# With --long-transaction: the step whose ALTER TABLE on the issues table waits behind it.
LONG_TRANSACTION_STEP = "0005"
CONTRAST = "plain ADD CONSTRAINT UNIQUE"
PLAIN_UNIQUE = "bench_external_ref_plain_unique"
_APPLIED = re.compile(r"Applying (issues\.\S+)\.\.\. OK \(([\d.]+)s\)")


def report_retry(retry_state: Any) -> None:
    """migrate_with_timeouts' retry callback (--retry-callback-path): say so on stdout."""
    print(
        f"{RETRY_MARK} #{retry_state.lock_timeouts_count} after "
        f"{retry_state.time_since_start.total_seconds():.1f}s: {retry_state.current_exception}",
        flush=True,
    )


# --- the database --------------------------------------------------------------------------


def database_url(name: str) -> str:
    server = os.environ.get("BENCH_DATABASE_SERVER", "postgres://postgres@localhost:5432")
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


def manage(url: str, *arguments: str) -> str:
    """Run manage.py with every alias on the bench database; return its output."""
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "REPLICA_DATABASE_URL": url,
        # Nothing here migrates or reads the analytics alias; pointing it at the same database
        # keeps the run off every other database on the server.
        "ANALYTICS_DATABASE_URL": url,
        "LOG_LEVEL": "WARNING",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(BENCH), os.environ.get("PYTHONPATH")])),
    }
    done = subprocess.run(  # noqa: S603 - our own interpreter and arguments
        [sys.executable, "manage.py", *arguments],
        cwd=BACKEND,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(arguments)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def migrate_issues(url: str, target: str) -> str:
    """`migrate_with_timeouts issues <target>` with the options setup_databases passes."""
    code = (
        "from django.conf import settings\n"
        "from django.core.management import call_command\n"
        f"call_command('migrate_with_timeouts', 'issues', {target!r}, database='default',"
        " verbosity=2, interactive=False,"
        " lock_timeout_in_ms=settings.MIGRATION_LOCK_TIMEOUT_MS,"
        " lock_timeout_max_retries=settings.MIGRATION_LOCK_RETRIES,"
        " lock_timeout_retry_min_wait_in_ms=settings.MIGRATION_LOCK_RETRY_MIN_WAIT_MS,"
        " lock_timeout_retry_max_wait_in_ms=settings.MIGRATION_LOCK_RETRY_MAX_WAIT_MS,"
        " retry_callback_path='bench_migrations.report_retry')\n"
    )
    return manage(url, "shell", "-c", code)


def prepare(url: str, name: str, issues: int, reload: bool) -> None:
    """Leave `name` with `issues` issues in project BIG and the issues app at 0002."""
    if not reload and _loaded(url, name) == issues:
        print(f"{name}: {issues:,} issues already loaded; issues app back to 0002", flush=True)
        migrate_issues(url, "0002")
        with psycopg.connect(url) as conn:
            project_id = _project(conn)[0]
            # What the writers of the last run added; the loaded issues stay.
            conn.execute(
                "DELETE FROM issues_issue WHERE project_id = %s AND number > %s",
                [project_id, issues],
            )
            conn.execute(
                "UPDATE projects_project SET last_issue_number = %s WHERE id = %s",
                [issues, project_id],
            )
        return
    print(f"{name}: migrating, seeding the demo tenant and project {PROJECT_KEY}", flush=True)
    started = time.monotonic()
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        database = sql.Identifier(name)
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(database))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(database))
    manage(url, "migrate_with_timeouts", "--database", "default", "--lock-timeout-in-ms", "2000")
    # seed_demo uses the current models, so it runs on the latest schema (its one BIG issue and
    # the 200 of ENG and OPS go through the services); then the issues app goes back to the
    # release before the relation work and the rest is loaded in SQL.
    manage(url, "seed_demo", "--issues", "1")
    migrate_issues(url, "0002")
    with psycopg.connect(url) as conn:
        _load(conn, issues)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE issues_issue")
        marker = sql.Identifier(MARKER_TABLE)
        conn.execute(sql.SQL("CREATE TABLE {} (issues integer NOT NULL)").format(marker))
        conn.execute(sql.SQL("INSERT INTO {} VALUES (%s)").format(marker), [issues])
    print(f"{name}: loaded in {time.monotonic() - started:.0f}s", flush=True)


def _loaded(url: str, name: str) -> int | None:
    """How many issues the marker says were loaded, or None (no database, no marker)."""
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return None
    with psycopg.connect(url, autocommit=True) as conn:
        exists = conn.execute("SELECT to_regclass(%s)", [MARKER_TABLE]).fetchone()
        if exists is None or exists[0] is None:
            return None
        row = conn.execute(
            sql.SQL("SELECT issues FROM {}").format(sql.Identifier(MARKER_TABLE))
        ).fetchone()
        return row[0] if row else None


def _project(conn: psycopg.Connection) -> tuple[uuid.UUID, uuid.UUID, int]:
    row = conn.execute(
        "SELECT id, workspace_id, last_issue_number FROM projects_project"
        " WHERE key = %s AND deleted_at IS NULL",
        [PROJECT_KEY],
    ).fetchone()
    if row is None:
        raise SystemExit(f"no project {PROJECT_KEY}")
    return row[0], row[1], row[2]


def _load(conn: psycopg.Connection, issues: int) -> None:
    """Fill BIG up to `issues` with INSERT ... SELECT generate_series, secondary indexes off."""
    project_id, workspace_id, have = _project(conn)
    states = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM projects_state WHERE project_id = %s ORDER BY position, id",
            [project_id],
        )
    ]
    reporter = conn.execute(
        "SELECT reporter_id FROM issues_issue WHERE project_id = %s LIMIT 1", [project_id]
    ).fetchone()
    # Indexes that back no constraint are dropped and built again after the load: one sort
    # each instead of a million index insertions (the search GIN above all).
    indexes = conn.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'issues_issue' AND indexname"
        " NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = 'issues_issue'::regclass)"
    ).fetchall()
    for index_name, _definition in indexes:
        conn.execute(sql.SQL("DROP INDEX {}").format(sql.Identifier(index_name)))
    first = have + 1
    while first <= issues:
        last = min(issues, first + LOAD_BATCH - 1)
        # v7-shaped ids (the created time's milliseconds first), so that the primary key grows
        # at its right edge as it does for the app's issues.
        conn.execute(
            """
            INSERT INTO issues_issue (id, created_at, updated_at, number, title, description,
                priority, position, project_id, reporter_id, state_id, workspace_id, version)
            SELECT (lpad(to_hex((extract(epoch FROM created) * 1000)::bigint), 12, '0')
                    || '7000' || '8' || lpad(to_hex(n), 15, '0'))::uuid,
                created, created, n,
                format('%%s %%s #%%s', (ARRAY['Fix', 'Add', 'Remove', 'Refactor'])[1 + n %% 4],
                       (ARRAY['login throttling', 'issue search', 'CSV export', 'dark mode',
                              'webhook retries'])[1 + n %% 5], n),
                'Loaded for the migration benchmark, case ' || n,
                (ARRAY[1, 2, 3, 4, 9])[1 + n %% 5],
                'x' || lpad(n::text, 8, '0') || 'V',
                %(project)s, %(reporter)s,
                (%(states)s::uuid[])[1 + (n::bigint * 7919) %% %(count)s],
                %(workspace)s, 1
            FROM generate_series(%(first)s::int, %(last)s::int) AS n,
                LATERAL (SELECT now() - interval '730 days' * (1 - n::float / %(issues)s)
                         AS created) AS times
            """,
            {
                "project": project_id,
                "reporter": reporter[0] if reporter else None,
                "states": states,
                "count": len(states),
                "workspace": workspace_id,
                "first": first,
                "last": last,
                "issues": issues,
            },
        )
        conn.execute(
            "UPDATE projects_project SET last_issue_number = %s WHERE id = %s", [last, project_id]
        )
        conn.commit()
        print(f"\r  loaded {last:,}/{issues:,}", end="", flush=True)
        first = last + 1
    print()
    for index_name, definition in indexes:
        print(f"  building {index_name}", flush=True)
        conn.execute(definition)
    conn.commit()


def seed_links(url: str, links: int) -> int:
    """Link issue 2k+1 with 2k+2 for k in 1..links, both ways as the symmetrical field does."""
    with psycopg.connect(url) as conn:
        project_id = _project(conn)[0]
        cursor = conn.execute(
            """
            INSERT INTO issues_issue_related (from_issue_id, to_issue_id)
            SELECT pair.from_id, pair.to_id FROM generate_series(1, %(links)s) AS k
            JOIN issues_issue a ON a.project_id = %(project)s AND a.number = 1 + 2 * k
            JOIN issues_issue b ON b.project_id = %(project)s AND b.number = 2 + 2 * k
            CROSS JOIN LATERAL (VALUES (a.id, b.id), (b.id, a.id)) AS pair(from_id, to_id)
            """,
            {"links": links, "project": project_id},
        )
        return cursor.rowcount


# --- the writers ---------------------------------------------------------------------------


@dataclass
class Write:
    kind: str
    started: float
    ended: float
    ok: bool

    @property
    def ms(self) -> float:
        return (self.ended - self.started) * 1000


@dataclass
class Writer:
    """One connection's writes, and what it expects the database to hold afterwards.

    Each writer retitles and links only its own issues, so its last acknowledged write of a
    row is the one the database must show."""

    index: int
    url: str
    project_id: uuid.UUID
    workspace_id: uuid.UUID
    state_id: uuid.UUID
    retitle: list[uuid.UUID]
    pairs: list[tuple[uuid.UUID, uuid.UUID]]
    pause: float
    writes: list[Write] = field(default_factory=list)
    inserted: dict[uuid.UUID, tuple[int, str]] = field(default_factory=dict)
    titles: dict[uuid.UUID, str] = field(default_factory=dict)
    linked: dict[tuple[uuid.UUID, uuid.UUID], bool] = field(default_factory=dict)
    # Rows a failed write may or may not have changed (a COMMIT that raised may have committed)
    # are left out of the checks. `pending` is the row of the write in flight.
    uncertain: set[Any] = field(default_factory=set)
    pending: Any = None
    errors: list[str] = field(default_factory=list)

    def run(self, stop: threading.Event, relations_ready: threading.Event) -> None:
        rng = random.Random(self.index)
        operations: dict[str, Callable[[psycopg.Connection, random.Random, int], Any]] = {
            "insert": self._insert,
            "update": self._update,
            "relation": self._relation,
        }
        sequence = 0
        with psycopg.connect(self.url) as conn:
            while not stop.is_set():
                sequence += 1
                roll = rng.random()
                if roll < 0.3:
                    kind = "insert"
                elif roll < 0.7 or not relations_ready.is_set():
                    kind = "update"
                else:
                    kind = "relation"
                self.pending = None
                started = time.monotonic()
                try:
                    acknowledge = operations[kind](conn, rng, sequence)
                    conn.commit()
                except psycopg.Error as error:
                    ended = time.monotonic()
                    conn.rollback()
                    self.errors.append(f"{kind}: {str(error).splitlines()[0]}")
                    self.uncertain.add(self.pending)
                    self.writes.append(Write(kind, started, ended, ok=False))
                else:
                    ended = time.monotonic()
                    acknowledge()
                    self.writes.append(Write(kind, started, ended, ok=True))
                stop.wait(rng.uniform(0, 2 * self.pause))

    def _insert(self, conn: psycopg.Connection, rng: random.Random, sequence: int) -> Any:
        # Numbered as issue_create numbers: the project row is locked and its counter bumped.
        (last_number,) = _one_row(
            conn,
            "SELECT last_issue_number FROM projects_project WHERE id = %s FOR UPDATE",
            [self.project_id],
        )
        number = last_number + 1
        conn.execute(
            "UPDATE projects_project SET last_issue_number = %s WHERE id = %s",
            [number, self.project_id],
        )
        issue_id = uuid7()
        title = f"Written by writer {self.index}, #{sequence}"
        conn.execute(
            "INSERT INTO issues_issue (id, created_at, updated_at, number, title, description,"
            " priority, position, project_id, state_id, workspace_id, version)"
            " VALUES (%s, now(), now(), %s, %s, '', 3, %s, %s, %s, %s, 1)",
            [
                issue_id,
                number,
                title,
                f"y{number:09d}V",
                self.project_id,
                self.state_id,
                self.workspace_id,
            ],
        )
        return lambda: self.inserted.__setitem__(issue_id, (number, title))

    def _update(self, conn: psycopg.Connection, rng: random.Random, sequence: int) -> Any:
        issue_id = self.pending = rng.choice(self.retitle)
        title = f"Retitled by writer {self.index}, #{sequence}"
        conn.execute(
            "UPDATE issues_issue SET title = %s, updated_at = now(), version = version + 1"
            " WHERE id = %s",
            [title, issue_id],
        )
        return lambda: self.titles.__setitem__(issue_id, title)

    def _relation(self, conn: psycopg.Connection, rng: random.Random, sequence: int) -> Any:
        pair = self.pending = rng.choice(self.pairs)
        first, second = pair
        linked = self.linked.get(pair, False)
        if linked:
            conn.execute(
                "DELETE FROM issues_issue_related WHERE (from_issue_id, to_issue_id)"
                " IN ((%s, %s), (%s, %s))",
                [first, second, second, first],
            )
        else:
            # No type named: the previous release's insert, which 0004's default serves.
            conn.execute(
                "INSERT INTO issues_issue_related (from_issue_id, to_issue_id)"
                " VALUES (%s, %s), (%s, %s)",
                [first, second, second, first],
            )
        return lambda: self.linked.__setitem__(pair, not linked)


# --- the run -------------------------------------------------------------------------------


@dataclass
class Window:
    name: str
    started: float
    ended: float
    applied: list[tuple[str, float]] = field(default_factory=list)
    retries: int = 0


def make_writers(url: str, args: argparse.Namespace) -> list[Writer]:
    with psycopg.connect(url) as conn:
        project_id, workspace_id, _ = _project(conn)
        (state_id,) = _one_row(
            conn,
            "SELECT id FROM projects_state WHERE project_id = %s ORDER BY position LIMIT 1",
            [project_id],
        )
        # Above every seeded link (those use numbers up to 2 * links + 2).
        own = [
            row[0]
            for row in conn.execute(
                "SELECT id FROM issues_issue WHERE project_id = %s AND number > %s"
                " ORDER BY random() LIMIT %s",
                [project_id, 2 * args.links + 2, args.writers * ISSUES_PER_WRITER],
            )
        ]
    if len(own) < args.writers * ISSUES_PER_WRITER:
        raise SystemExit("too few issues for the writers: raise --issues or lower --links")
    writers = []
    for index in range(args.writers):
        mine = own[index * ISSUES_PER_WRITER : (index + 1) * ISSUES_PER_WRITER]
        writers.append(
            Writer(
                index=index,
                url=url,
                project_id=project_id,
                workspace_id=workspace_id,
                state_id=state_id,
                retitle=mine[:40],
                pairs=list(zip(mine[40:50], mine[50:60], strict=True)),
                pause=args.pause_ms / 1000,
            )
        )
    return writers


def hold_issues_table(url: str, seconds: float) -> threading.Thread:
    """A transaction that has read the issues table and stays open for `seconds` (a report, a
    slow request): ALTER TABLE must wait for it, and every write queues behind the ALTER."""
    holding = threading.Event()

    def hold() -> None:
        with psycopg.connect(url) as conn:
            conn.execute("SELECT count(*) FROM issues_issue WHERE number = 1")
            holding.set()
            time.sleep(seconds)
            conn.rollback()

    thread = threading.Thread(target=hold, daemon=True)
    thread.start()
    holding.wait()
    return thread


def contrast(url: str) -> None:
    """What 0006 avoids: the unique index built inside ALTER TABLE, writes blocked meanwhile."""
    constraint = sql.Identifier(PLAIN_UNIQUE)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("SET lock_timeout = '2s'")
        conn.execute(
            sql.SQL(
                "ALTER TABLE issues_issue ADD CONSTRAINT {} UNIQUE (project_id, external_ref)"
            ).format(constraint)
        )
        conn.execute(sql.SQL("ALTER TABLE issues_issue DROP CONSTRAINT {}").format(constraint))


def run(args: argparse.Namespace) -> int:
    url = database_url(args.database)
    prepare(url, args.database, args.issues, args.reload)
    writers = make_writers(url, args)
    stop, relations_ready = threading.Event(), threading.Event()
    threads = [
        threading.Thread(target=w.run, args=(stop, relations_ready), daemon=True) for w in writers
    ]
    print(
        f"{args.writers} writers; {args.seconds:.0f}s before the first migration;"
        f" load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores",
        flush=True,
    )
    began = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(args.seconds)
    # The first two seconds are the writers connecting.
    windows = [Window("before (no migration)", began + 2, time.monotonic())]
    try:
        for name, target in STEPS:
            holder = None
            if target == LONG_TRANSACTION_STEP and args.long_transaction:
                holder = hold_issues_table(url, args.long_transaction)
                name = f"{name} (behind a {args.long_transaction:.0f}s read)"
            started = time.monotonic()
            output = migrate_issues(url, target)
            window = Window(name, started, time.monotonic())
            if holder is not None:
                holder.join()
            window.applied = [(m, float(s)) for m, s in _APPLIED.findall(output)]
            window.retries = output.count(RETRY_MARK)
            windows.append(window)
            print(f"  {name}: {window.ended - window.started:.1f}s", flush=True)
            if target == "0003":
                time.sleep(args.gap)
                started = time.monotonic()
                rows = seed_links(url, args.links)
                windows.append(Window(f"seeding {rows:,} link rows", started, time.monotonic()))
                relations_ready.set()
            time.sleep(args.gap)
        if args.contrast:
            started = time.monotonic()
            contrast(url)
            windows.append(Window(f"contrast: {CONTRAST}", started, time.monotonic()))
            print(f"  {CONTRAST}: {windows[-1].ended - started:.1f}s", flush=True)
            time.sleep(args.gap)
        after = time.monotonic()
        time.sleep(args.seconds)
        windows.append(Window("after (all applied)", after, time.monotonic()))
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    report(windows, writers)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 1 if verify(url, writers) else 0


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def report(windows: list[Window], writers: list[Writer]) -> None:
    writes = [w for writer in writers for w in writer.writes]
    print()
    print(
        f"{'window':<44} {'seconds':>7} {'writes':>7} {'w/s':>5} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'max ms':>7} {'longest':>8} {'failed':>6} {'retries':>7}"
    )
    for window in windows:
        # Every write whose time overlapped the window: one queued behind a lock counts.
        during = [w for w in writes if w.started < window.ended and w.ended > window.started]
        latencies = [w.ms for w in during if w.ok] or [0.0]
        seconds = window.ended - window.started
        finished = sum(1 for w in during if window.started <= w.ended <= window.ended)
        longest = max(during, key=lambda w: w.ms, default=None)
        print(
            f"{window.name:<44} {seconds:>7.2f} {len(during):>7} {finished / seconds:>5.0f}"
            f" {statistics.median(latencies):>7.1f} {percentile(latencies, 0.99):>7.1f}"
            f" {max(latencies):>7.1f} {longest.kind if longest else '-':>8}"
            f" {sum(1 for w in during if not w.ok):>6} {window.retries:>7}"
        )
    for window in windows:
        for migration, seconds in window.applied:
            print(f"  {migration}: {seconds * 1000:.0f} ms inside migrate")
    by_kind: dict[str, int] = {}
    for w in writes:
        by_kind[w.kind] = by_kind.get(w.kind, 0) + 1
    errors = [error for writer in writers for error in writer.errors]
    kinds = ", ".join(f"{kind} {n:,}" for kind, n in sorted(by_kind.items()))
    print(f"writes: {len(writes):,} ({kinds}); failed: {len(errors)}")
    for error in sorted(set(errors))[:10]:
        print(f"  failed write: {error}")


def verify(url: str, writers: list[Writer]) -> int:
    """Print and count the acknowledged writes missing and the failed checks of the data."""
    inserted = {k: v for w in writers for k, v in w.inserted.items()}
    titles = {k: v for w in writers for k, v in w.titles.items() if k not in w.uncertain}
    links = {k: v for w in writers for k, v in w.linked.items() if k not in w.uncertain}
    checks: list[tuple[str, bool]] = []
    with psycopg.connect(url) as conn:
        found = {
            row[0]: (row[1], row[2])
            for row in conn.execute(
                "SELECT id, number, title FROM issues_issue WHERE id = ANY(%s)", [list(inserted)]
            )
        }
        missing = sum(1 for k, v in inserted.items() if found.get(k) != v)
        current: dict[uuid.UUID, str] = {
            row[0]: row[1]
            for row in conn.execute(
                "SELECT id, title FROM issues_issue WHERE id = ANY(%s)", [list(titles)]
            )
        }
        stale = sum(1 for k, v in titles.items() if current.get(k) != v)
        ends = [issue for pair in links for issue in pair]
        rows = set(
            conn.execute(
                "SELECT from_issue_id, to_issue_id FROM issues_issue_related"
                " WHERE from_issue_id = ANY(%s)",
                [ends],
            ).fetchall()
        )
        wrong = sum(
            1
            for (a, b), linked in links.items()
            if ((a, b) in rows) != linked or ((b, a) in rows) != linked
        )
        lost = missing + stale + wrong
        print(
            f"writes lost: {lost} (inserts {missing} of {len(inserted):,}, last titles {stale}"
            f" of {len(titles):,}, last link states {wrong} of {len(links):,})"
        )
        one_way, total, relates = _one_row(
            conn,
            "SELECT count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM issues_issue_related s"
            " WHERE s.from_issue_id = r.to_issue_id AND s.to_issue_id = r.from_issue_id)),"
            " count(*), count(*) FILTER (WHERE type = 'relates') FROM issues_issue_related r",
        )
        checks.append((f"{total:,} relation rows, every one stored both ways", one_way == 0))
        checks.append(("every relation row has type 'relates'", total == relates))
        unique = conn.execute(
            "SELECT i.indisvalid AND i.indisunique FROM pg_constraint c JOIN pg_index i"
            " ON i.indexrelid = c.conindid"
            " WHERE c.conname = 'issue_external_ref_unique' AND c.contype = 'u'"
        ).fetchone()
        checks.append(
            ("issue_external_ref_unique: a constraint, its index valid", unique == (True,))
        )
        (invalid,) = _one_row(
            conn,
            "SELECT count(*) FROM pg_index"
            " WHERE indrelid = 'issues_issue'::regclass AND NOT indisvalid",
        )
        checks.append(("no invalid index left on issues_issue", invalid == 0))
    for name, passed in checks:
        print(f"  {'ok  ' if passed else 'FAIL'} {name}")
    return lost + sum(1 for _, passed in checks if not passed)


def _one_row(conn: psycopg.Connection, query: str, params: Any = None) -> tuple[Any, ...]:
    row = conn.execute(query, params).fetchone()
    if row is None:
        raise SystemExit(f"no row: {query}")
    return tuple(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--database", default="docket_migbench")
    parser.add_argument("--issues", type=int, default=1_000_000)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--links", type=int, default=5_000, help="links seeded after 0003")
    parser.add_argument(
        "--seconds", type=float, default=15, help="writes before the first and after the last step"
    )
    parser.add_argument("--gap", type=float, default=3, help="seconds of writes between steps")
    parser.add_argument(
        "--pause-ms", type=float, default=100, help="mean pause between one writer's writes"
    )
    parser.add_argument(
        "--long-transaction",
        type=float,
        default=0,
        metavar="SECONDS",
        help=f"hold a read of the issues table open this long when {LONG_TRANSACTION_STEP} starts",
    )
    parser.add_argument("--reload", action="store_true", help="drop and load the database again")
    parser.add_argument(
        "--no-contrast", dest="contrast", action="store_false", help=f"skip the {CONTRAST} step"
    )
    args = parser.parse_args()
    if args.writers < 1 or args.seconds < 3:
        raise SystemExit("--writers takes at least 1 and --seconds at least 3")
    raise SystemExit(run(args))


if __name__ == "__main__":
    main()
