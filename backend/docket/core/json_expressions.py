"""ORM expressions that have PostgreSQL write JSON text, for answers rendered by the database.

Django's own `JSONObject` and `JSONBAgg` build `jsonb`, which reorders an object's keys and
rewrites its spacing; an answer documented by a serializer must keep the serializer's key order,
so these build `json` (kept as written, keys in the order given). Each is an ordinary ORM
expression: its columns are resolved against the models when the statement is compiled.
"""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.aggregates.mixins import OrderableAggMixin
from django.contrib.postgres.fields import ArrayField
from django.db.models import (
    Aggregate,
    BooleanField,
    CharField,
    Expression,
    F,
    Func,
    IntegerField,
    JSONField,
    TextField,
    UUIDField,
    Value,
)
from django.db.models.functions import Cast


class JSONBuildObject(Func):
    """`json_build_object('key', value, ...)`: an object with its keys in the order given."""

    function = "JSON_BUILD_OBJECT"
    output_field = JSONField()

    def __init__(self, **fields: Any) -> None:
        arguments: list[Any] = []
        for key, value in fields.items():
            # A key is a bound parameter: typed, so that PostgreSQL need not infer it.
            arguments.extend((Cast(Value(key), TextField()), value))
        super().__init__(*arguments)


class JSONAgg(OrderableAggMixin, Aggregate):
    """`json_agg(value ORDER BY ...)`: a JSON array of the values, in that order."""

    function = "JSON_AGG"
    template = "%(function)s(%(distinct)s%(expressions)s %(order_by)s)"
    output_field = JSONField()


class EmptyArrayIfNull(Func):
    """The JSON value, or `[]` where it is NULL (an aggregate over no rows)."""

    template = "COALESCE(%(expressions)s, '[]')"
    output_field = JSONField()


class UtcTimestamp(Func):
    """A timestamp as REST_FRAMEWORK's DATETIME_FORMAT writes it: UTC, microseconds, `Z`."""

    template = """TO_CHAR(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')"""
    output_field = CharField()


class JSONText(Func):
    """The JSON value as the text PostgreSQL wrote, to be sent as it is (no decoding)."""

    template = "(%(expressions)s)::text"
    output_field = TextField()


class Later:
    """A parameter of a compiled statement whose value is bound at each execution."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"<bound later: {self.name}>"


class UUIDArrayParameter(Expression):
    """A `uuid[]` parameter bound at execution (`Later`), so that a statement is compiled
    once and run with many values."""

    output_field = ArrayField(UUIDField())

    def __init__(self, later: Later) -> None:
        super().__init__()
        self.later = later

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        return "%s::uuid[]", (self.later,)


class InArray(Func):
    """`column = ANY(array)`, a condition."""

    arg_joiner = " = ANY("
    template = "(%(expressions)s))"
    output_field = BooleanField()

    def __init__(self, column: F | str, array: Expression) -> None:
        super().__init__(F(column) if isinstance(column, str) else column, array)


class ArrayPosition(Func):
    """The 1-based place of `value` in `array`."""

    function = "ARRAY_POSITION"
    output_field = IntegerField()

    def __init__(self, array: Expression, value: F | str) -> None:
        super().__init__(array, F(value) if isinstance(value, str) else value)


class JSONParameter(Expression):
    """A `json` value bound at execution (`Later`): the same for every row of the statement
    (what the caller may do to any issue, say), so it costs no column and no join."""

    output_field = JSONField()

    def __init__(self, later: Later) -> None:
        super().__init__()
        self.later = later

    def as_sql(self, compiler: Any, connection: Any) -> tuple[str, tuple[Any, ...]]:
        return "%s::json", (self.later,)
