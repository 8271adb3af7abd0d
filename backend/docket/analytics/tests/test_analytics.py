"""The analytics database: only its own tables, fed by the relay idempotently, rebuilt by the
backfill, and read by the insight endpoints (which never query the primary for figures)."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable

import pytest
from django.core.management import call_command
from django.db import connections
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from docket.analytics.models import CategoryChange, IssueFact
from docket.analytics.services import record_issue_facts
from docket.core.models import Event
from docket.issues.models import Issue
from docket.issues.services import issue_create, issue_delete, issue_update
from docket.projects.models import State
from docket.testing.relay import relay_everything

ALL_DATABASES = ["default", "replica", "analytics"]
transactional = pytest.mark.django_db(transaction=True, databases=ALL_DATABASES)
with_db = pytest.mark.django_db(databases=ALL_DATABASES)

PROJECT_INSIGHTS = "/api/v1/workspaces/acme/projects/ENG/insights"
WORKSPACE_INSIGHTS = "/api/v1/workspaces/acme/insights"


def _tables(alias: str) -> set[str]:
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return {name for (name,) in cursor.fetchall()}


def _relay_analytics() -> None:
    relay_everything("analytics", record_issue_facts)


@with_db
def test_analytics_tables_live_only_in_the_analytics_database():
    primary, analytics = _tables("default"), _tables("analytics")
    ours = {IssueFact._meta.db_table, CategoryChange._meta.db_table}
    assert ours <= analytics
    assert not ours & primary
    assert Issue._meta.db_table in primary
    assert Issue._meta.db_table not in analytics
    assert connections["analytics"].settings_dict["NAME"].endswith("_analytics")


# --- A timeline with known times ---------------------------------------------------------------


class Timeline:
    """Service calls whose events are dated as the test says (the relay reads `created_at`)."""

    def __init__(self, world) -> None:
        self.world = world
        self.issues: dict[str, Issue] = {}
        self.access = world.access("member")
        now = timezone.now()
        noon = (now - datetime.timedelta(hours=12)).date()
        self.base = datetime.datetime.combine(noon, datetime.time(12), tzinfo=datetime.UTC)
        self.states = {s.category: s for s in State.objects.filter(project=world.eng)}

    def day(self, offset: float) -> datetime.datetime:
        return self.base + datetime.timedelta(days=offset)

    def at(self, offset: float, change: Callable[[], object]) -> object:
        mark = Event.objects.order_by("-id").values_list("id", flat=True).first() or 0
        result = change()
        Event.objects.filter(id__gt=mark).update(created_at=self.day(offset))
        return result

    def create(self, offset: float, title: str) -> Issue:
        issue = self.at(
            offset,
            lambda: issue_create(
                access=self.access,
                project=self.world.eng,
                title=title,
                state_id=self.states["backlog"].id,
            ),
        )
        assert isinstance(issue, Issue)
        return issue

    def to(self, offset: float, issue: Issue, category: str) -> None:
        fresh = Issue.objects.get(pk=issue.pk)
        self.at(
            offset,
            lambda: issue_update(
                access=self.access, issue=fresh, state_id=self.states[category].id
            ),
        )


@pytest.fixture
def timeline(world) -> Timeline:
    """A: created -10 d, started -8, done -6. B: -9, started -7, done -3. C: -5, done -2 without
    a start. D: -4, started -3, open. E: -2, done -1, reopened -1 + 1 h. F: -3, deleted -1."""
    t = Timeline(world)
    a, b, c = t.create(-10, "A"), t.create(-9, "B"), t.create(-5, "C")
    d, e, f = t.create(-4, "D"), t.create(-2, "E"), t.create(-3, "F")
    t.to(-8, a, "started")
    t.to(-6, a, "completed")
    t.to(-7, b, "started")
    t.to(-3, b, "completed")
    t.to(-2, c, "completed")
    t.to(-3, d, "started")
    t.to(-1, e, "completed")
    t.to(-1 + 1 / 24, e, "unstarted")
    t.at(-1, lambda: issue_delete(access=t.access, issue=Issue.objects.get(pk=f.pk)))
    t.issues = {"A": a, "B": b, "C": c, "D": d, "E": e, "F": f}
    return t


def _facts(timeline: Timeline) -> dict[str, IssueFact]:
    ids = {issue.pk: name for name, issue in timeline.issues.items()}
    return {ids[fact.issue_id]: fact for fact in IssueFact.objects.filter(issue_id__in=ids)}


@transactional
def test_the_relay_writes_each_issues_facts(timeline):
    _relay_analytics()
    facts, t = _facts(timeline), timeline

    assert (facts["A"].created_at, facts["A"].started_at) == (t.day(-10), t.day(-8))
    assert (facts["A"].completed_at, facts["A"].category) == (t.day(-6), "completed")
    assert facts["C"].started_at is None  # done straight from the backlog
    assert facts["C"].completed_at == t.day(-2)
    assert (facts["D"].category, facts["D"].completed_at) == ("started", None)
    assert (facts["E"].category, facts["E"].reopened, facts["E"].completed_at) == (
        "unstarted",
        1,
        None,
    )
    assert facts["F"].deleted_at == t.day(-1)
    assert facts["A"].key == timeline.issues["A"].key


@transactional
def test_handing_the_same_events_again_changes_nothing(timeline):
    _relay_analytics()
    before = {f.issue_id: f for f in IssueFact.objects.all()}
    changes = CategoryChange.objects.count()

    # As after a crash between the analytics commit and the relay's: the whole log again
    record_issue_facts(list(Event.objects.order_by("txid", "id")))

    assert CategoryChange.objects.count() == changes
    after = {f.issue_id: f for f in IssueFact.objects.all()}
    assert after.keys() == before.keys()
    for issue_id, fact in before.items():
        assert after[issue_id].__dict__ | {"_state": None} == fact.__dict__ | {"_state": None}


@transactional
def test_a_batch_costs_the_same_queries_whatever_its_size(world):
    access = world.access("member")
    done = State.objects.get(project=world.eng, category="completed")

    def batch_of(count: int) -> list[Event]:
        mark = Event.objects.order_by("-id").values_list("id", flat=True).first() or 0
        for number in range(count):
            issue = issue_create(access=access, project=world.eng, title=f"Batch {number}")
            issue_update(access=access, issue=issue, state_id=done.id)
        return list(Event.objects.filter(id__gt=mark).order_by("txid", "id"))

    counts = []
    for size in (1, 25):
        events = batch_of(size)
        with CaptureQueriesContext(connections["analytics"]) as analytics:
            record_issue_facts(events)
        counts.append(len(analytics.captured_queries))
    assert counts[0] == counts[1]
    assert counts[0] <= 7  # savepoint/lock/insert/select facts/select keys/upsert/release


@transactional
def test_a_deleted_workspace_takes_its_facts_along(world):
    from docket.workspaces.services import workspace_delete

    _relay_analytics()
    assert IssueFact.objects.filter(workspace_id=world.workspace.pk).exists()
    workspace_delete(access=world.access("owner"), workspace=world.workspace)
    _relay_analytics()
    assert not IssueFact.objects.filter(workspace_id=world.workspace.pk).exists()
    assert not CategoryChange.objects.filter(workspace_id=world.workspace.pk).exists()
    assert IssueFact.objects.filter(workspace_id=world.other_workspace.pk).exists()


@transactional
def test_the_backfill_rebuilds_what_the_relay_wrote(timeline):
    _relay_analytics()
    relayed = sorted(
        IssueFact.objects.values_list("issue_id", "category", "completed_at", "reopened")
    )
    IssueFact.objects.all().delete()
    CategoryChange.objects.filter(to_category="completed").delete()  # damaged

    progress = io.StringIO()
    call_command("analytics_backfill", "--batch-size", "7", stderr=progress, stdout=io.StringIO())

    rebuilt = sorted(
        IssueFact.objects.values_list("issue_id", "category", "completed_at", "reopened")
    )
    assert rebuilt == relayed
    assert "100.0%" in progress.getvalue()
    assert "\r[" in progress.getvalue()  # redrawn as it goes


# --- The insight endpoints --------------------------------------------------------------------


@transactional
def test_project_insights_give_the_flow_figures(timeline, as_user):
    _relay_analytics()
    response = as_user(timeline.world.member).get(PROJECT_INSIGHTS, {"days": 30})
    assert response.status_code == 200, response.content
    body = response.json()

    # Cycle: A 48 h, B 96 h. Lead: A 96 h, B 144 h, C 72 h.
    assert body["cycle_time_hours"] == {"count": 2, "p50": 72.0, "p85": 88.8, "p95": 93.6}
    assert body["lead_time_hours"]["count"] == 3
    assert body["lead_time_hours"]["p50"] == 96.0
    # Open now: D since -4 d, E since -2 d (the world's own first issue, ENG-1, too)
    assert body["open_age_days"]["count"] == 3
    assert sum(week["completed"] for week in body["throughput"]) == 3  # A, B, C
    assert body["until"] == timezone.now().date().isoformat()
    assert len(body["cumulative_flow"]) == 30
    seventh = (timeline.base - datetime.timedelta(days=7)).date().isoformat()
    (day,) = [d for d in body["cumulative_flow"] if d["date"] == seventh]
    # A started at -8 and B at -7: both started; ENG-1 was created today, so not yet there
    assert day == {
        "date": seventh,
        "backlog": 0,
        "unstarted": 0,
        "started": 2,
        "completed": 0,
        "canceled": 0,
    }


@transactional
def test_figures_are_read_from_the_analytics_database_only(timeline, as_user):
    _relay_analytics()
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["analytics"]) as analytics,
    ):
        response = as_user(timeline.world.member).get(WORKSPACE_INSIGHTS)
    assert response.status_code == 200
    assert analytics.captured_queries
    assert not [q for q in primary.captured_queries if "analytics_" in q["sql"]]
    # The primary answers who the caller is and what they may see, no more
    assert len(primary.captured_queries) <= 6


@transactional
def test_a_guest_sees_figures_of_their_projects_only(world, as_user):
    ops_done = State.objects.get(project=world.ops, category="completed")
    owner = world.access("owner")
    issue_update(access=owner, issue=world.ops_issue, state_id=ops_done.id)
    _relay_analytics()

    everyone = as_user(world.owner).get(WORKSPACE_INSIGHTS).json()
    guest = as_user(world.guest).get(WORKSPACE_INSIGHTS).json()

    assert everyone["lead_time_hours"]["count"] == 1  # OPS-1, done
    assert guest["lead_time_hours"]["count"] == 0  # the guest is in ENG only
    assert (
        as_user(world.guest).get("/api/v1/workspaces/acme/projects/OPS/insights").status_code == 404
    )
    assert as_user(world.outsider).get(PROJECT_INSIGHTS).status_code == 404


@with_db
@pytest.mark.parametrize("days", ["0", "6", "366", "ninety", "1e3", "-30", "7.5"])
def test_a_window_out_of_range_is_a_400(world, as_user, days):
    response = as_user(world.member).get(PROJECT_INSIGHTS, {"days": days})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "days"


@with_db
def test_without_facts_the_figures_are_empty_not_missing(world, as_user):
    body = as_user(world.member).get(PROJECT_INSIGHTS, {"days": 7}).json()
    assert body["cycle_time_hours"] == {"count": 0, "p50": None, "p85": None, "p95": None}
    assert len(body["cumulative_flow"]) == 7
    assert all(week["completed"] == 0 for week in body["throughput"])
