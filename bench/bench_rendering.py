"""Three ways to turn a page of 100 issues into the list's JSON, timed in-process.

The API's hot lists once ran DRF serializers over model instances; they now have PostgreSQL
build the JSON (docket.issues.listing). This measures the candidates on the same page, with
the request machinery left out, so the figures say what rendering alone costs:

- serializers: the selector's queryset (select_related + 2 prefetches), IssueListItem, render
- python: three `values_list` queries (issues with their joined columns, assignees, labels),
  dicts assembled by plain functions, json.dumps
- database: the page's ids, then one json_build_object statement (what the API runs)

Each candidate's output is checked equal to the serializers' before it is timed.

    cd backend && DATABASE_URL=... python ../bench/bench_rendering.py --rounds 200
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--project", default="BIG")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    sys.path.insert(0, os.getcwd())
    import django

    django.setup()
    from rest_framework.renderers import JSONRenderer

    from docket.issues.api.serializers import IssueListItem
    from docket.issues.listing import issues_json
    from docket.issues.models import Issue, IssueAssignee, IssueLabel, Priority
    from docket.projects.access import access_for_workspace
    from docket.workspaces.models import Membership

    membership = Membership.objects.select_related("user", "workspace").get(
        user__email="member@example.com", workspace__slug="acme"
    )
    access, _ = access_for_workspace(user=membership.user, workspace_slug="acme")
    from docket.issues.selectors import issue_list
    from docket.projects.models import Project

    project = Project.objects.get(workspace__slug="acme", key=args.project)
    page = issue_list(access=access, project=project).order_by("-created_at", "-id")
    ids = list(page.values_list("id", flat=True)[:100])
    priority_names = {member.value: member.label for member in Priority}

    def serializers() -> bytes:
        rows = list(page[:100])
        return JSONRenderer().render(IssueListItem(rows, many=True).data)

    def stamp(value) -> str | None:
        return None if value is None else value.strftime("%Y-%m-%dT%H:%M:%S.%fZ")

    def python() -> bytes:
        columns = (
            "id", "number", "title", "priority", "estimate", "due_date", "position",
            "created_at", "updated_at", "completed_at", "external_ref",
            "project_id", "project__key", "project__name",
            "state_id", "state__name", "state__category", "state__color",
            "parent_id", "parent__number", "parent__title", "parent__project__key",
            "reporter_id", "reporter__display_name", "reporter__email",
        )  # fmt: skip
        rows = {row[0]: row for row in Issue.objects.filter(pk__in=ids).values_list(*columns)}
        people = defaultdict(list)
        for issue_id, user_id, name, email in (
            IssueAssignee.objects.filter(issue_id__in=ids)
            .order_by("user__display_name", "user_id")
            .values_list("issue_id", "user_id", "user__display_name", "user__email")
        ):
            people[issue_id].append({"id": str(user_id), "display_name": name, "email": email})
        labels = defaultdict(list)
        for issue_id, label_id, name, color in (
            IssueLabel.objects.filter(issue_id__in=ids)
            .order_by("label__name", "label_id")
            .values_list("issue_id", "label_id", "label__name", "label__color")
        ):
            labels[issue_id].append({"id": str(label_id), "name": name, "color": color})
        items = []
        for pk in ids:
            (_, number, title, priority, estimate, due, position, created, updated, completed,
             ref, project_id, key, project_name, state_id, state_name, category, color,
             parent_id, parent_number, parent_title, parent_key,
             reporter_id, reporter_name, reporter_email) = rows[pk]  # fmt: skip
            items.append(
                {
                    "id": str(pk),
                    "key": f"{key}-{number}",
                    "number": number,
                    "project": {"id": str(project_id), "key": key, "name": project_name},
                    "title": title,
                    "state": {
                        "id": str(state_id),
                        "name": state_name,
                        "category": category,
                        "color": color,
                    },
                    "priority": priority_names[priority],
                    "estimate": estimate,
                    "due_date": due.isoformat() if due else None,
                    "assignees": people[pk],
                    "labels": labels[pk],
                    "parent": None
                    if parent_id is None
                    else {
                        "id": str(parent_id),
                        "key": f"{parent_key}-{parent_number}",
                        "title": parent_title,
                    },
                    "reporter": None
                    if reporter_id is None
                    else {
                        "id": str(reporter_id),
                        "display_name": reporter_name,
                        "email": reporter_email,
                    },
                    "position": position,
                    "created_at": stamp(created),
                    "updated_at": stamp(updated),
                    "completed_at": stamp(completed),
                    "external_ref": ref,
                }
            )
        return json.dumps(items, ensure_ascii=False, separators=(",", ":")).encode()

    def database() -> bytes:
        page_ids = list(page.values_list("id", flat=True)[:100])
        return issues_json(page_ids, using="default").encode()

    expected = json.loads(serializers())
    candidates: dict[str, Callable[[], bytes]] = {
        "serializers": serializers,
        "python": python,
        "database": database,
    }
    for name, render in candidates.items():
        if json.loads(render()) != expected:
            raise SystemExit(f"{name}: not the serializers' JSON")
    print(f"{project.key}, 100 issues a page, {args.rounds} rounds each (ms per page)")
    for name, render in candidates.items():
        for _ in range(10):
            render()
        times = []
        for _ in range(args.rounds):
            started = time.perf_counter()
            render()
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        print(
            f"{name:<12} p50 {statistics.median(times):7.2f}"
            f"  p99 {times[int(len(times) * 0.99) - 1]:7.2f}  bytes {len(render()):,}"
        )


if __name__ == "__main__":
    main()
