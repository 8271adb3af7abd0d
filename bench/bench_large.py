"""Read paths on a very large tenant: p50/p99 of list, deep page, board and search, with plans.

Run against a server whose database holds the demo tenant plus project BIG filled by
`seed_demo --issues N` (see `make bench-large`). Requests go one at a time over one keep-alive
connection (latency, not throughput). The plans come from the same requests made in-process:
every query the request ran on the issue table is explained with ANALYZE and BUFFERS.

    cd backend && python ../bench/bench_large.py --base http://127.0.0.1:8002 --samples 200
"""

from __future__ import annotations

import argparse
import base64
import http.client
import json
import os
import statistics
import sys
import time
from urllib.parse import quote, urlsplit

from benchlib import percentile, sign_in

PAGE = 100


def measure(connection, token: str, path: str, samples: int, warmup: int) -> dict:
    headers = {"Authorization": f"Bearer {token}", "Accept-Encoding": "identity"}
    latencies, size, count = [], 0, None
    for index in range(warmup + samples):
        started = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise SystemExit(f"GET {path}: {response.status} {body[:300]!r}")
        if index >= warmup:
            latencies.append(elapsed)
        size = len(body)
        payload = json.loads(body)
        if "results" in payload:
            count = len(payload["results"])
        elif "columns" in payload:
            count = sum(len(column["issues"]) for column in payload["columns"])
    return {
        "p50": statistics.median(latencies),
        "p99": percentile(latencies, 0.99),
        "bytes": size,
        "items": count,
    }


def deep_cursor(project_id: str, page: int) -> str:
    """The cursor a client holds after `page - 1` pages of the default ordering (-created)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT created_at, id FROM issues_issue WHERE project_id = %s"
            " ORDER BY created_at DESC, id DESC OFFSET %s LIMIT 1",
            [project_id, (page - 1) * PAGE - 1],
        )
        created_at, issue_id = cursor.fetchone()
    payload = {"o": "-created", "k": [created_at.isoformat(), str(issue_id)]}
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


def plans(token: str, path: str) -> list[str]:
    """EXPLAIN (ANALYZE, BUFFERS) of every query on the issue table that `path` runs."""
    from contextlib import ExitStack

    from django.db import connections
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}", SERVER_NAME="localhost")
    # Reads go to the replica alias (the same server locally): capture every alias.
    with ExitStack() as stack:
        captured = [
            (alias, stack.enter_context(CaptureQueriesContext(connections[alias])))
            for alias in connections
        ]
        response = client.get(path)
    if response.status_code != 200:
        raise SystemExit(f"in-process GET {path}: {response.status_code}")
    explained = []
    for alias, context in captured:
        with connections[alias].cursor() as cursor:
            explained += _explain(cursor, context.captured_queries)
    return explained


def _explain(cursor, queries: list[dict]) -> list[str]:
    explained = []
    for query in queries:
        sql = query["sql"]
        if '"issues_issue"' not in sql or not sql.lstrip("( \n\t").upper().startswith("SELECT"):
            continue
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
        explained.append(f"-- {sql[:160]}...\n{plan}")
    return explained


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8002")
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--project", default="BIG")
    parser.add_argument("--plans", default="", help="Write the query plans to this file.")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    from docket.issues.models import Issue
    from docket.projects.models import Project, State

    project = Project.objects.select_related("workspace").get(key=args.project)
    workspace = project.workspace.slug
    total = Issue.objects.filter(project=project).count()
    deep_page = max(1, min(10_000, total // PAGE))
    base = f"/api/v1/workspaces/{workspace}"
    project_path = f"{base}/projects/{project.key}/issues?limit={PAGE}"
    column = State.objects.filter(project=project).order_by("position").first()
    if column is None:
        raise SystemExit(f"{project.key} has no workflow")
    # Two words of one issue's title that few others share: its area and its number.
    sample = Issue.objects.get(project=project, number=max(1, total // 3)).title.split()
    rare_words = f"{sample[-2]} {sample[-1].lstrip('#')}"
    cases = {
        "project list, page 1": project_path,
        f"project list, page {deep_page:,}": (
            f"{project_path}&cursor={deep_cursor(str(project.pk), deep_page)}"
        ),
        "workspace list, page 1": f"{base}/issues?limit={PAGE}",
        "board (every column's first page)": f"{base}/projects/{project.key}/board?limit=50",
        f"board column '{column.name}', page 1": (
            f"{project_path}&state={column.pk}&ordering=position"
        ),
        "search, common words (project)": f"{project_path}&q={quote('webhook retries')}",
        "search, rare words (project)": f"{project_path}&q={quote(rare_words)}",
        "search, common words (workspace)": f"{base}/issues?limit={PAGE}&q={quote('dark mode')}",
        "issue detail": f"{base}/issues/{project.key}-{total // 2}",
    }

    split = urlsplit(args.base)
    connection = http.client.HTTPConnection(split.hostname, split.port, timeout=60)
    token = sign_in(args.base)
    print(f"{project.key}: {total:,} issues; workspace {workspace!r}; {args.samples} samples each")
    print(f"{'case':<40} {'p50 ms':>8} {'p99 ms':>8} {'items':>6} {'bytes':>8}")
    for name, path in cases.items():
        figures = measure(connection, token, path, args.samples, args.warmup)
        print(
            f"{name:<40} {figures['p50']:>8.1f} {figures['p99']:>8.1f}"
            f" {figures['items'] if figures['items'] is not None else '-':>6} {figures['bytes']:>8}"
        )
    if args.plans:
        with open(args.plans, "w") as out:
            for name, path in cases.items():
                out.write(f"## {name}\nGET {path}\n\n")
                for plan in plans(token, path):
                    out.write(plan + "\n\n")
        print(f"plans written to {args.plans}")


if __name__ == "__main__":
    main()
