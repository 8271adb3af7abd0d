"""Issues as JSON, built by PostgreSQL: the hot read paths' representation.

A page of 100 issues through model instances and nested DRF serializers costs about 80 ms of
Python (thousands of instances and related managers, 4,000 serializer calls) for 3 ms of SQL
(bench/README.md). Here one statement turns a page of ids into the JSON array the API
documents (`IssueListItem`, or `IssueOutput` with the description): PostgreSQL builds each
object with `json_build_object`, keeps the page's order and hands back text that goes out as
it is. The shape is the serializers' and must stay so: tests compare the two on every field
(`issues/tests/test_listing.py`), and the schema still comes from the serializers.

Formats follow the API's settings: times as `YYYY-MM-DDTHH:MM:SS.ffffffZ` in UTC
(REST_FRAMEWORK's DATETIME_FORMAT), dates ISO, priorities by name, assignees ordered by name
and labels by name (then id, as the model-backed selectors order them).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from django.db import connections

from docket.accounts.models import User
from docket.issues.models import Issue, IssueAssignee, IssueLabel, Priority
from docket.projects.models import Label, Project, State


def _table(model: type) -> str:
    return connections["default"].ops.quote_name(model._meta.db_table)  # type: ignore[attr-defined]


def _time(column: str) -> str:
    return f"""to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""


def _person(alias: str) -> str:
    return (
        f"json_build_object('id', {alias}.id, 'display_name', {alias}.display_name,"
        f" 'email', {alias}.email)"
    )


_PRIORITY = (
    "CASE i.priority "
    + " ".join(f"WHEN {member.value} THEN '{member.label}'" for member in Priority)
    + " END"
)


def _item(*, with_description: bool) -> str:
    description = ", 'description', i.description" if with_description else ""
    # Built from model metadata and constants only; the ids are bound as a parameter.
    return f"""json_build_object(
        'id', i.id,
        'key', p.key || '-' || i.number,
        'number', i.number,
        'project', json_build_object('id', p.id, 'key', p.key, 'name', p.name),
        'title', i.title,
        'state', json_build_object(
            'id', s.id, 'name', s.name, 'category', s.category, 'color', s.color),
        'priority', {_PRIORITY},
        'estimate', i.estimate,
        'due_date', i.due_date,
        'assignees', coalesce((
            SELECT json_agg({_person("u")} ORDER BY u.display_name, u.id)
            FROM {_table(IssueAssignee)} a JOIN {_table(User)} u ON u.id = a.user_id
            WHERE a.issue_id = i.id), '[]'),
        'labels', coalesce((
            SELECT json_agg(
                json_build_object('id', l.id, 'name', l.name, 'color', l.color)
                ORDER BY l.name, l.id)
            FROM {_table(IssueLabel)} il JOIN {_table(Label)} l ON l.id = il.label_id
            WHERE il.issue_id = i.id), '[]'),
        'parent', CASE WHEN parent.id IS NULL THEN NULL ELSE json_build_object(
            'id', parent.id,
            'key', parent_project.key || '-' || parent.number,
            'title', parent.title) END,
        'reporter', CASE WHEN r.id IS NULL THEN NULL ELSE {_person("r")} END,
        'position', i.position,
        'created_at', {_time("i.created_at")},
        'updated_at', {_time("i.updated_at")},
        'completed_at', {_time("i.completed_at")},
        'external_ref', i.external_ref{description})"""  # noqa: S608


def _page_joins() -> str:
    # The ids in the order given, with every row an item shows.
    return f"""
        FROM unnest(%s::uuid[]) WITH ORDINALITY AS page(id, n)
        JOIN {_table(Issue)} i ON i.id = page.id
        JOIN {_table(Project)} p ON p.id = i.project_id
        JOIN {_table(State)} s ON s.id = i.state_id
        LEFT JOIN {_table(Issue)} parent ON parent.id = i.parent_id
        LEFT JOIN {_table(Project)} parent_project ON parent_project.id = parent.project_id
        LEFT JOIN {_table(User)} r ON r.id = i.reporter_id
    """


def _statement(*, with_description: bool) -> str:
    return f"""
        SELECT coalesce(json_agg({_item(with_description=with_description)} ORDER BY page.n),
                        '[]')::text
        {_page_joins()}
    """


_LIST_ITEMS = _statement(with_description=False)
_DETAILS = _statement(with_description=True)
_EACH_ITEM = f"""
    SELECT page.id, {_item(with_description=False)}::text
    {_page_joins()}
"""


def issues_json(ids: Sequence[uuid.UUID], *, using: str, with_description: bool = False) -> str:
    """The JSON array of the issues `ids`, in that order; ids that match no row are left out.

    The caller has already decided what the actor may see (the ids come from a scoped selector):
    this only renders. `using` is the database alias the ids were read from, so a page is
    rendered from the same copy of the data that chose it.
    """
    if not ids:
        return "[]"
    with connections[using].cursor() as cursor:
        cursor.execute(_DETAILS if with_description else _LIST_ITEMS, [list(ids)])
        row = cursor.fetchone()
    return row[0]


def issue_items(ids: Sequence[uuid.UUID], *, using: str) -> dict[uuid.UUID, str]:
    """Each issue's list JSON (an `IssueListItem`) by id, for answers that place the items
    themselves (the board, column by column). Ids that match no row are left out."""
    if not ids:
        return {}
    with connections[using].cursor() as cursor:
        cursor.execute(_EACH_ITEM, [list(ids)])
        return dict(cursor.fetchall())
