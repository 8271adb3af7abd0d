"""Insights: flow figures for a set of projects, read from the analytics database only.

The caller passes the project ids the actor may see (the access check is the primary's job);
every query here runs on the `analytics` alias and filters by those ids.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connections
from django.utils import timezone

from docket.analytics.models import DELETED, CategoryChange, IssueFact
from docket.analytics.routers import ANALYTICS
from docket.projects.models import StateCategory

PERCENTILES = (0.5, 0.85, 0.95)
CATEGORIES = [choice.value for choice in StateCategory]


@dataclass(frozen=True)
class Percentiles:
    count: int
    p50: float | None
    p85: float | None
    p95: float | None


@dataclass(frozen=True)
class Insights:
    since: datetime.date
    until: datetime.date
    cycle_time_hours: Percentiles
    lead_time_hours: Percentiles
    open_age_days: Percentiles
    throughput: list[dict]
    cumulative_flow: list[dict]


def _run(sql: str, params: dict) -> list[tuple]:
    with connections[ANALYTICS].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _percentiles(expression: str, where: str, params: dict, *, scale: float) -> Percentiles:
    """Percentiles of `expression` (an interval) over the facts matching `where`, in units of
    `scale` seconds."""
    facts = IssueFact._meta.db_table
    ((count, values),) = _run(
        f"""
        SELECT count(*),
               percentile_cont(%(p)s::float8[]) WITHIN GROUP (
                   ORDER BY EXTRACT(EPOCH FROM {expression}))
        FROM {facts}
        WHERE project_id = ANY(%(projects)s) AND deleted_at IS NULL AND {where}
        """,  # noqa: S608 - fixed fragments; every value is a parameter
        {**params, "p": list(PERCENTILES)},
    )
    p50, p85, p95 = (
        (round(value / scale, 2) if value is not None else None)
        for value in (values or [None] * len(PERCENTILES))
    )
    return Percentiles(count=count, p50=p50, p85=p85, p95=p95)


def project_insights(
    *, project_ids: Sequence[uuid.UUID], days: int, today: datetime.date | None = None
) -> Insights:
    """Flow figures of these projects over the last `days` days (today included): cycle time
    (first start to completion) and lead time (creation to completion) of the issues completed
    in the window, completions per ISO week, issues per category at the end of each day, and
    the age of the issues open now."""
    until = today or timezone.localdate()
    since = until - datetime.timedelta(days=days - 1)
    start = datetime.datetime.combine(since, datetime.time.min, tzinfo=datetime.UTC)
    params = {"projects": list(project_ids), "start": start}
    done = "category = 'completed' AND completed_at >= %(start)s"
    cycle = _percentiles(
        "completed_at - started_at", f"{done} AND started_at IS NOT NULL", params, scale=3600
    )
    lead = _percentiles("completed_at - created_at", done, params, scale=3600)
    age = _percentiles(
        "now() - created_at",
        "category IN ('backlog', 'unstarted', 'started')",
        params,
        scale=86400,
    )
    return Insights(
        since=since,
        until=until,
        cycle_time_hours=cycle,
        lead_time_hours=lead,
        open_age_days=age,
        throughput=_throughput(params, since=since, until=until),
        cumulative_flow=_cumulative_flow(params, since=since, until=until),
    )


def _throughput(params: dict, *, since: datetime.date, until: datetime.date) -> list[dict]:
    """Completions per ISO week (weeks start on Monday), every week of the window listed."""
    facts = IssueFact._meta.db_table
    counted = dict(
        _run(
            f"""
            SELECT (date_trunc('week', completed_at AT TIME ZONE 'UTC'))::date, count(*)
            FROM {facts}
            WHERE project_id = ANY(%(projects)s) AND deleted_at IS NULL
              AND category = 'completed' AND completed_at >= %(start)s
            GROUP BY 1
            """,  # noqa: S608
            params,
        )
    )
    week = since - datetime.timedelta(days=since.weekday())
    weeks = []
    while week <= until:
        weeks.append({"week": week, "completed": counted.get(week, 0)})
        week += datetime.timedelta(days=7)
    return weeks


def _cumulative_flow(params: dict, *, since: datetime.date, until: datetime.date) -> list[dict]:
    """Issues per category at the end of each day: each issue counted in the category of its
    last change before the day ended; deleted issues drop out from their deletion on."""
    changes = CategoryChange._meta.db_table
    rows = _run(
        f"""
        WITH days AS (
            SELECT generate_series(%(since)s::date, %(until)s::date, interval '1 day')::date AS day
        )
        SELECT days.day, last.to_category, count(*)
        FROM days
        CROSS JOIN LATERAL (
            SELECT DISTINCT ON (issue_id) to_category
            FROM {changes}
            WHERE project_id = ANY(%(projects)s)
              AND at < (days.day + 1)::timestamp AT TIME ZONE 'UTC'
            ORDER BY issue_id, at DESC, event_id DESC
        ) AS last
        WHERE last.to_category <> %(deleted)s
        GROUP BY 1, 2
        """,  # noqa: S608
        {**params, "since": since, "until": until, "deleted": DELETED},
    )
    per_day: dict[datetime.date, dict[str, int]] = {}
    for day, category, count in rows:
        per_day.setdefault(day, {})[category] = count
    flow = []
    day = since
    while day <= until:
        counts = per_day.get(day, {})
        flow.append({"date": day, **{category: counts.get(category, 0) for category in CATEGORIES}})
        day += datetime.timedelta(days=1)
    return flow
