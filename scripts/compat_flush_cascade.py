"""A pytest plugin for `make compat-check` only: the previous release's transactional tests
empty the tables they know with TRUNCATE, and tables the new release added with foreign keys to
them (OAuth grants point at users) make PostgreSQL refuse that unless it cascades. A deploy never
truncates anything; this is the old test harness meeting the new schema, so its flush cascades
(emptying the new tables too, as they would be at the start of a fresh test)."""

from typing import Any


def pytest_configure(config: Any) -> None:
    from django.db.backends.postgresql.operations import DatabaseOperations

    sql_flush = DatabaseOperations.sql_flush

    def cascading_sql_flush(self: Any, style: Any, tables: Any, **options: Any) -> Any:
        return sql_flush(self, style, tables, **{**options, "allow_cascade": True})

    DatabaseOperations.sql_flush = cascading_sql_flush  # type: ignore[method-assign]
