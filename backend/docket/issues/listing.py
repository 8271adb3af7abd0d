"""Issues as JSON, built by PostgreSQL: the hot read paths' representation.

A page of 100 issues through model instances and nested DRF serializers costs about 80 ms of
Python (thousands of instances and related managers, 4,000 serializer calls) for 3 ms of SQL
(bench/README.md). Here one statement turns a page of ids into the JSON objects the API
documents (`IssueListItem`, or `IssueOutput` with the description): PostgreSQL builds each
object with `json_build_object`, in the page's order, and hands back text that goes out as it
is. The objects' fields and how each is rendered are declared once, in docket.issues.shape
(the serializers take their fields from the same list); tests compare the two renderings on
every field (`issues/tests/test_listing.py`).

The statement is an ORM queryset, so every column it names is checked against the models; it is
compiled once per database alias and kind, with the page's ids bound at each execution (the
compilation costs more than the rendering of a small page).

Formats follow the API's settings: times as `YYYY-MM-DDTHH:MM:SS.ffffffZ` in UTC
(REST_FRAMEWORK's DATETIME_FORMAT), dates ISO, priorities by name, assignees ordered by name
and labels by name (then id, as the model-backed selectors order them).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from django.db import connections

from docket.core.json_expressions import (
    ArrayPosition,
    InArray,
    JSONText,
    Later,
    UUIDArrayParameter,
)
from docket.core.visibility import member_emails_shown
from docket.issues.models import Issue
from docket.issues.shape import CALLER_CAPABILITIES, DETAIL_FIELDS, LIST_FIELDS, issue_json_object

_IDS = Later("ids")
# How PostgreSQL's json_agg separates the objects of an array: a page written by joining the
# objects is the text the aggregate would have written.
_ARRAY_SEPARATOR = ", "


@cache
def _statement(
    using: str, *, with_description: bool, with_version: bool, ordered: bool, with_emails: bool
) -> tuple[str, tuple]:
    """SELECT id[, version], json FROM the issues with the ids bound later[, in their order]."""
    ids = UUIDArrayParameter(_IDS)
    fields = DETAIL_FIELDS if with_description else LIST_FIELDS
    rendered = JSONText(issue_json_object(fields, with_emails=with_emails))
    columns = ("pk", "version") if with_version else ("pk",)
    queryset = Issue.objects.using(using).filter(InArray("pk", ids))
    queryset = queryset.order_by(ArrayPosition(ids, "pk")) if ordered else queryset.order_by()
    queryset = queryset.values_list(*columns, rendered)
    sql, params = queryset.query.get_compiler(using=using).as_sql()
    return sql, tuple(params)


def _rows(
    ids: Sequence[uuid.UUID],
    *,
    capabilities: Mapping[str, bool],
    using: str,
    with_description: bool,
    with_version: bool = False,
    ordered: bool = True,
) -> list[tuple[Any, ...]]:
    sql, params = _statement(
        using,
        with_description=with_description,
        with_version=with_version,
        ordered=ordered,
        # The reader's right to see addresses, as every other representation of a person.
        with_emails=member_emails_shown(),
    )
    later: dict[Later, Any] = {
        _IDS: list(ids),
        # Written as PostgreSQL writes the rest of the object (json keeps the text as given).
        CALLER_CAPABILITIES: json.dumps(capabilities, separators=(", ", " : ")),
    }
    bound: list[Any] = [later[param] if isinstance(param, Later) else param for param in params]
    with connections[using].cursor() as cursor:
        cursor.execute(sql, bound)
        return cursor.fetchall()


def issues_json(
    ids: Sequence[uuid.UUID],
    *,
    capabilities: Mapping[str, bool],
    using: str,
    with_description: bool = False,
) -> str:
    """The JSON array of the issues `ids`, in that order; ids that match no row are left out.

    The caller has already decided what the actor may see (the ids come from a scoped selector):
    this only renders. `capabilities` are what the caller may do to any of them
    (docket.http.capabilities). `using` is the database alias the ids were read from, so a page is
    rendered from the same copy of the data that chose it.
    """
    if not ids:
        return "[]"
    rows = _rows(ids, capabilities=capabilities, using=using, with_description=with_description)
    return "[" + _ARRAY_SEPARATOR.join(item for _, item in rows) + "]"


def issue_items(
    ids: Sequence[uuid.UUID], *, capabilities: Mapping[str, bool], using: str
) -> dict[uuid.UUID, str]:
    """Each issue's list JSON (an `IssueListItem`) by id, for answers that place the items
    themselves (the board, column by column). Ids that match no row are left out."""
    if not ids:
        return {}
    # The caller places the items itself: no order asked of the database.
    return dict(
        _rows(ids, capabilities=capabilities, using=using, with_description=False, ordered=False)
    )


def issue_detail_json(
    issue_id: uuid.UUID, *, capabilities: Mapping[str, bool], using: str
) -> tuple[int, str] | None:
    """One issue's JSON (an `IssueOutput`) with the version it was read at, both from the same
    row; None if there is no such issue (any more)."""
    rows = _rows(
        [issue_id],
        capabilities=capabilities,
        using=using,
        with_description=True,
        with_version=True,
        ordered=False,
    )
    if not rows:
        return None
    _, version, item = rows[0]
    return version, item
