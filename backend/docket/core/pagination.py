"""Keyset (cursor) pagination for every list.

A page is `ORDER BY <sort key>, id LIMIT n+1` continued with `(sort key, id) > (last row)`, so
page 1000 costs the same as page 1 and rows inserted meanwhile never shift a page. The cursor is
opaque (base64 of the last row's sort key and id, plus the ordering it belongs to) and no COUNT
is run.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import uuid
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import Expression, F, Q, QuerySet
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.errors import ValidationFailed
from docket.core.models import CommittedHorizon

DEFAULT_LIMIT = 50
MAX_LIMIT = 100
_SORT_KEY = "_keyset_sort"


@dataclass(frozen=True)
class Ordering:
    name: str  # as the client writes it, e.g. "-updated"
    expression: Expression | F
    descending: bool


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _encode(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


def encode_cursor(ordering_name: str, sort_value: Any, row_id: Any) -> str:
    """The cursor that continues a list in `ordering_name` after the row (sort_value, row_id):
    what a page hands out, and what an endpoint that starts lists of its own (the board) gives
    so that the list endpoint carries on from there."""
    payload = {"o": ordering_name, "k": [_encode(sort_value), str(row_id)]}
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


class KeysetPagination(BasePagination):
    """Views declare `keyset_orderings` ({name: expression}) and `default_ordering`."""

    # Feeds hand out a cursor after the last row even on the last page (and give the caller's
    # own cursor back on an empty one), so a client can resume after what it has seen.
    cursor_at_end = False

    def _ordering(self, request: Request, view: Any) -> Ordering:
        choices: dict[str, Any] = getattr(view, "keyset_orderings", {"created": F("created_at")})
        requested = str(
            request.query_params.get("ordering") or getattr(view, "default_ordering", "-created")
        )
        name = requested.removeprefix("-")
        if name not in choices or requested.count("-") > 1:
            allowed = ", ".join(sorted(f"{c}, -{c}" for c in choices))
            raise ValidationFailed.for_field(
                "ordering", "invalid_choice", f"Unknown ordering. Use one of: {allowed}."
            )
        return Ordering(requested, choices[name], requested.startswith("-"))

    def _limit(self, request: Request) -> int:
        raw = request.query_params.get("limit")
        if raw is None or raw == "":
            return DEFAULT_LIMIT
        # isdigit() alone admits "²" and digit strings too long for int(); both were a 500.
        if (
            not (raw.isascii() and raw.isdigit() and len(raw) <= 3)
            or not 1 <= int(raw) <= MAX_LIMIT
        ):
            raise ValidationFailed.for_field(
                "limit", "invalid", f"limit must be an integer from 1 to {MAX_LIMIT}."
            )
        return int(raw)

    def _decode_cursor(self, raw: str, ordering: Ordering) -> tuple[str, str]:
        try:
            padded = raw + "=" * (-len(raw) % 4)
            payload = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
            if payload["o"] != ordering.name:
                raise ValueError("cursor belongs to another ordering")
            sort_value, row_id = payload["k"]
            # No ordering has a nullable key (due_date is coalesced), and `None` cannot be compared.
            if sort_value is None or row_id is None:
                raise ValueError("cursor holds a null key")
            for value in (sort_value, row_id):
                # PostgreSQL text holds neither NUL nor a lone surrogate (which has no UTF-8).
                if isinstance(value, str) and ("\x00" in value or not _encodable(value)):
                    raise ValueError("cursor holds text the database cannot compare")
            return sort_value, row_id
        except (ValueError, KeyError, TypeError, binascii.Error, UnicodeEncodeError) as exc:
            raise ValidationFailed.for_field(
                "cursor",
                "invalid_cursor",
                "The cursor is not valid for this list; start again without it.",
            ) from exc

    def _ordered(self, queryset: QuerySet, request: Request, view: Any) -> tuple[QuerySet, str]:
        """The queryset in keyset order, continued after the cursor; and the ordering's name."""
        ordering = self._ordering(request, view)
        self.limit = self._limit(request)
        queryset = queryset.annotate(**{_SORT_KEY: ordering.expression})
        direction = "-" if ordering.descending else ""
        queryset = queryset.order_by(f"{direction}{_SORT_KEY}", f"{direction}id")
        raw_cursor = request.query_params.get("cursor")
        self.raw_cursor = raw_cursor or None
        if raw_cursor:
            sort_value, row_id = self._decode_cursor(raw_cursor, ordering)
            output_field = queryset.query.annotations[_SORT_KEY].output_field
            try:
                typed_value = output_field.to_python(sort_value)
                row_id = queryset.model._meta.pk.to_python(row_id)
            except Exception as exc:
                raise ValidationFailed.for_field(
                    "cursor", "invalid_cursor", "The cursor is not valid for this list."
                ) from exc
            after = "lt" if ordering.descending else "gt"
            queryset = queryset.filter(
                Q(**{f"{_SORT_KEY}__{after}": typed_value})
                | Q(**{_SORT_KEY: typed_value, f"id__{after}": row_id})
            )
        return queryset, ordering.name

    def _cut(self, rows: list, ordering_name: str, key_of: Any) -> list:
        """Keep `limit` rows of the `limit + 1` read; set has_more and next_cursor."""
        self.has_more = len(rows) > self.limit
        rows = rows[: self.limit]
        self.next_cursor = None
        if rows and (self.has_more or self.cursor_at_end):
            self.next_cursor = encode_cursor(ordering_name, *key_of(rows[-1]))
        elif self.cursor_at_end:
            self.next_cursor = self.raw_cursor
        return rows

    def paginate_queryset(  # type: ignore[override]  # keyset pages need a queryset
        self, queryset: QuerySet, request: Request, view: Any = None
    ) -> list:
        queryset, ordering_name = self._ordered(queryset, request, view)
        rows = list(queryset[: self.limit + 1])
        return self._cut(rows, ordering_name, lambda row: (getattr(row, _SORT_KEY), row.pk))

    def paginate_keys(self, queryset: QuerySet, request: Request, view: Any = None) -> list:
        """The primary keys of the page, in order: for lists whose rows are rendered elsewhere
        (by the database, see docket.issues.listing). Reads two columns per row, no instances."""
        queryset, ordering_name = self._ordered(queryset, request, view)
        rows = list(queryset.values_list("pk", _SORT_KEY)[: self.limit + 1])
        return [pk for pk, _ in self._cut(rows, ordering_name, lambda row: (row[1], row[0]))]

    def get_paginated_response(self, data: Any) -> Response:
        return Response({"results": data, "next_cursor": self.next_cursor})

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return {
            "type": "object",
            "required": ["results", "next_cursor"],
            "properties": {
                "results": schema,
                "next_cursor": {
                    "type": "string",
                    "nullable": True,
                    "description": (
                        "Pass as `cursor` to get the next page; null on the last page (on a "
                        "feed: the position after the last event, null only while empty)."
                    ),
                },
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        parameters = [
            {
                "name": "cursor",
                "in": "query",
                "required": False,
                "description": "Opaque cursor from a previous page's `next_cursor`.",
                "schema": {"type": "string"},
            },
            {
                "name": "limit",
                "in": "query",
                "required": False,
                "description": f"Page size, 1 to {MAX_LIMIT}.",
                "schema": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": MAX_LIMIT,
                    "default": DEFAULT_LIMIT,
                },
            },
        ]
        choices = getattr(view, "keyset_orderings", None)
        if choices:
            names = sorted(choices)
            parameters.append(
                {
                    "name": "ordering",
                    "in": "query",
                    "required": False,
                    "description": "Sort order; a leading `-` sorts descending.",
                    "schema": {
                        "type": "string",
                        "enum": [v for name in names for v in (name, f"-{name}")],
                        "default": getattr(view, "default_ordering", "-created"),
                    },
                }
            )
        return parameters


# The largest event id: a feed cursor at (txid, this) is after every event of that transaction.
_LAST_ID = 2**63 - 1
# The `cursor` that starts a feed at its head: what is committed now is skipped, only later
# changes follow.
HEAD_CURSOR = "now"


class FeedPagination(KeysetPagination):
    """Pages of a feed in commit order (docket.core.models.Event). `cursor=now` answers no
    events and the cursor of the feed's head: after every transaction finished so far (below the
    commit horizon), so what commits from now on, and only that, follows it."""

    cursor_at_end = True

    def paginate_queryset(  # type: ignore[override]  # keyset pages need a queryset
        self, queryset: QuerySet, request: Request, view: Any = None
    ) -> list:
        if request.query_params.get("cursor") != HEAD_CURSOR:
            return super().paginate_queryset(queryset, request, view)
        ordering = self._ordering(request, view)
        self.limit = self._limit(request)
        self.has_more = False
        with connections[queryset.db].cursor() as cursor:
            cursor.execute(f"SELECT {CommittedHorizon.template}")
            (horizon,) = cursor.fetchone()
        self.next_cursor = encode_cursor(ordering.name, horizon - 1, _LAST_ID)
        return []

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == "cursor":
                parameter["description"] = (
                    "Opaque cursor from a previous page's `next_cursor`; `now` answers no events "
                    "and the cursor of the feed's head, to follow only what happens from now on."
                )
        return parameters
