"""Load a project at size (tens of thousands to millions of issues) for demos and benchmarks.

`issue_create` runs about twenty queries and records an event per issue: right for real work,
but a million of them would take hours and flood every relay consumer (notifications would email
each assignee). This loader writes the same rows with COPY, one batch per transaction, and
records no events: the issues exist as if imported before the event log began, so the change
feed, activity and analytics know nothing of them (the README says so).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Count, Model
from django.utils import timezone

from docket.core.ids import uuid7
from docket.issues.models import Issue, IssueAssignee, IssueLabel, Priority
from docket.issues.positions import DIGITS
from docket.projects.models import Label, Project, State, StateCategory

BATCH_SIZE = 10_000
# Four base-62 digits order 14.7 million cards per column; the trailing digit keeps every key
# valid (a key never ends in the smallest digit), so moves can still land between any two.
_POSITION_WIDTH = 4
_TITLE_VERBS = ["Fix", "Add", "Remove", "Refactor", "Document", "Speed up", "Investigate"]
_TITLE_NOUNS = [
    "login throttling",
    "board drag and drop",
    "issue search",
    "webhook retries",
    "email digest",
    "keyset pagination",
    "CSV export",
    "dark mode",
    "activity feed",
    "audit log",
    "mobile layout",
    "database indexes",
]
_AREAS = ["billing", "sync", "importer", "reports", "sidebar", "mentions", "api", "editor"]


def bulk_position(index: int) -> str:
    """The board key of the `index`-th loaded card of a column: keys sort as the indexes do."""
    digits = []
    for _ in range(_POSITION_WIDTH):
        index, digit = divmod(index, len(DIGITS))
        digits.append(DIGITS[digit])
    if index:
        raise ValueError("too many cards for one column")
    return "".join(reversed(digits)) + DIGITS[len(DIGITS) // 2]


def load_issues(
    project: Project,
    *,
    target: int,
    people: Sequence[uuid.UUID],
    seed: int = 42,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Add issues to `project` until it holds `target`; return how many were added.

    Each issue gets two labels and two assignees (from `people`), a state spread over the
    workflow, and a created time spread over the last two years in number order. Re-running
    with the same target adds nothing; a larger target adds the difference.
    """
    labels = list(
        Label.objects.filter(project=project).order_by("name").values_list("id", flat=True)
    )
    states = list(State.objects.filter(project=project).order_by("position", "id"))
    if len(labels) < 2 or len(people) < 2 or not states:
        raise ValueError("the project needs two labels, two people and a workflow")
    have = Issue.objects.filter(project=project).count()
    added = 0
    rng = random.Random(seed + have)
    now = timezone.now()
    start = now - timedelta(days=730)
    column_sizes = _column_sizes(states)
    while have + added < target:
        size = min(BATCH_SIZE, target - have - added)
        with transaction.atomic():
            # The row lock serializes this with issue_create, which takes numbers the same way.
            locked = (
                Project.objects.select_for_update().only("last_issue_number").get(pk=project.pk)
            )
            first_number = locked.last_issue_number + 1
            rows: list[tuple] = []
            label_rows: list[tuple[uuid.UUID, uuid.UUID]] = []
            assignee_rows: list[tuple[uuid.UUID, uuid.UUID]] = []
            for offset in range(size):
                number = first_number + offset
                state = states[(number * 7919) % len(states)]
                created = start + (now - start) * (number / max(target, number))
                issue_id = uuid7()
                rows.append(
                    _issue_row(issue_id, project, number, state, column_sizes, created, rng, people)
                )
                label_rows.extend((issue_id, label) for label in rng.sample(labels, 2))
                assignee_rows.extend((issue_id, user) for user in rng.sample(people, 2))
            _copy(Issue, _ISSUE_COLUMNS, rows)
            _copy(IssueLabel, ("issue_id", "label_id"), label_rows)
            _copy(IssueAssignee, ("issue_id", "user_id"), assignee_rows)
            Project.objects.filter(pk=project.pk).update(last_issue_number=first_number + size - 1)
        added += size
        if progress is not None:
            progress(have + added, target)
    return added


_ISSUE_COLUMNS = (
    "id",
    "workspace_id",
    "project_id",
    "number",
    "title",
    "description",
    "state_id",
    "priority",
    "estimate",
    "due_date",
    "reporter_id",
    "completed_at",
    "position",
    "created_at",
    "updated_at",
)


def _column_sizes(states: list[State]) -> dict[uuid.UUID, int]:
    # New cards go after the column's last loaded card: count what each column holds now.
    counts = dict(
        Issue.objects.filter(state__in=states).values_list("state_id").annotate(n=Count("id"))
    )
    return {state.pk: counts.get(state.pk, 0) for state in states}


def _issue_row(
    issue_id: uuid.UUID,
    project: Project,
    number: int,
    state: State,
    column_sizes: dict[uuid.UUID, int],
    created: datetime,
    rng: random.Random,
    people: Sequence[uuid.UUID],
) -> tuple:
    position = bulk_position(column_sizes[state.pk])
    column_sizes[state.pk] += 1
    done = state.category in (StateCategory.COMPLETED, StateCategory.CANCELED)
    updated = created + timedelta(hours=rng.randint(0, 500))
    title = f"{rng.choice(_TITLE_VERBS)} {rng.choice(_TITLE_NOUNS)} in {rng.choice(_AREAS)}"
    return (
        issue_id,
        project.workspace_id,
        project.pk,
        number,
        f"{title} #{number}",
        f"Loaded for scale testing of **{project.name}**: {rng.choice(_AREAS)} case {number}.",
        state.pk,
        rng.choice(Priority.values),
        rng.choice([None, 1, 2, 3, 5, 8]),
        None,
        rng.choice(people),
        updated if done else None,
        position,
        created,
        updated,
    )


def _copy(model: type[Model], columns: Sequence[str], rows: list[tuple]) -> None:
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
