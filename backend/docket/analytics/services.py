"""Writing the facts: the relay's `analytics` consumer, and the rebuild from the event log.

The consumer runs inside the relay's transaction on the primary, but writes to another database,
so the two cannot commit together: a batch whose facts committed may be handed again after a
crash. Every write is therefore idempotent: one category change per event id (ON CONFLICT DO
NOTHING), and each touched issue's fact rebuilt from all its changes. Rebuilds of one issue are
serialized by a transaction-scoped advisory lock on it (taken in sorted order: no deadlock), so
a rebuild never misses a change another writer committed meanwhile (the live consumer and a
backfill run side by side).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime

from django.db import connections, transaction

from docket.analytics.models import DELETED, CategoryChange, IssueFact
from docket.analytics.routers import ANALYTICS
from docket.core.events import Change, consumes
from docket.core.models import Event
from docket.issues.events import IssueCreated, IssueDeleted, IssueMoved, IssueUpdated, StateRef
from docket.projects.events import ProjectDeleted
from docket.projects.models import StateCategory
from docket.workspaces.events import WorkspaceDeleted

OPEN = frozenset({StateCategory.BACKLOG, StateCategory.UNSTARTED, StateCategory.STARTED})
CLOSED = frozenset({StateCategory.COMPLETED, StateCategory.CANCELED})
# Category changes and deletions: the facts' raw material.
RECORDED = consumes(
    IssueCreated, IssueUpdated, IssueMoved, IssueDeleted, ProjectDeleted, WorkspaceDeleted
)


def _state_change(event: Event) -> Change[StateRef] | None:
    for kind in (IssueCreated, IssueUpdated):
        if kind.is_kind_of(event):
            return kind.changes_of(event).get("state")
    if IssueMoved.is_kind_of(event):
        return IssueMoved.changes_of(event).get("state")
    return None


def _category_of(state: StateRef | None) -> str | None:
    return state["category"] if state else None


def category_change(event: Event) -> CategoryChange | None:
    """The category change an event records, if it records one."""
    if event.project_id is None:
        return None
    if IssueDeleted.is_kind_of(event):
        before, after = "", DELETED
    else:
        state = _state_change(event)
        if state is None:
            return None
        before = _category_of(state["old"]) or ""
        new_category = _category_of(state["new"])
        if new_category is None or before == new_category:
            return None
        after = new_category
    return CategoryChange(
        event_id=event.id,
        issue_id=event.subject_id,
        workspace_id=event.workspace_id,
        project_id=event.project_id,
        at=event.created_at,
        from_category=before,
        to_category=after,
    )


def record_issue_facts(events: Sequence[Event]) -> None:
    """Relay consumer: the category changes of a batch, then the facts of the issues they
    touched. Three statements and a lock per batch, whatever its size; a deleted workspace's
    facts go with it."""
    recorded = RECORDED.select(events)
    changes = [change for change in map(category_change, recorded) if change is not None]
    keys = {event.subject_id: event.subject_label for event in recorded}
    gone = [e.subject_id for e in recorded if WorkspaceDeleted.is_kind_of(e)]
    # A deleted project records no issue.deleted per issue: its facts go with it, as a
    # workspace's do (its figures are unreachable from then on anyway).
    gone_projects = [e.subject_id for e in recorded if ProjectDeleted.is_kind_of(e)]
    with transaction.atomic(using=ANALYTICS):
        if changes:
            CategoryChange.objects.bulk_create(changes, ignore_conflicts=True)
            rebuild_issue_facts({change.issue_id for change in changes}, keys=keys)
        if gone:
            IssueFact.objects.filter(workspace_id__in=gone).delete()
            CategoryChange.objects.filter(workspace_id__in=gone).delete()
        if gone_projects:
            IssueFact.objects.filter(project_id__in=gone_projects).delete()
            CategoryChange.objects.filter(project_id__in=gone_projects).delete()


def rebuild_issue_facts(issue_ids: Iterable[uuid.UUID], *, keys: dict[uuid.UUID, str]) -> None:
    """Rebuild the facts of these issues from their category changes (inside an analytics
    transaction)."""
    ordered = sorted(issue_ids)
    with connections[ANALYTICS].cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(hashtextextended(id::text, 0)) "
            "FROM unnest(%s::uuid[]) WITH ORDINALITY AS t(id, n) ORDER BY n",
            [ordered],
        )
    history: dict[uuid.UUID, list[CategoryChange]] = {}
    for change in CategoryChange.objects.filter(issue_id__in=ordered).order_by("at", "event_id"):
        history.setdefault(change.issue_id, []).append(change)
    existing_keys = dict(
        IssueFact.objects.filter(issue_id__in=ordered).values_list("issue_id", "key")
    )
    facts = [
        _fact(changes, key=keys.get(issue_id) or existing_keys.get(issue_id, ""))
        for issue_id, changes in history.items()
    ]
    IssueFact.objects.bulk_create(
        [fact for fact in facts if fact is not None],
        update_conflicts=True,
        unique_fields=["issue_id"],
        update_fields=[
            "workspace_id",
            "project_id",
            "key",
            "created_at",
            "started_at",
            "completed_at",
            "category",
            "reopened",
            "deleted_at",
        ],
    )


def _fact(changes: list[CategoryChange], *, key: str) -> IssueFact | None:
    created = next((c for c in changes if c.from_category == "" and c.to_category != DELETED), None)
    if created is None:
        return None  # its creation is not in the log yet (a backfill will bring it)
    category, started_at, completed_at, reopened = created.to_category, None, None, 0
    deleted_at: datetime | None = None
    for change in changes:
        if change.to_category == DELETED:
            deleted_at = change.at
            continue
        if change.from_category in CLOSED and change.to_category in OPEN:
            reopened += 1
        category = change.to_category
        if category == StateCategory.STARTED and started_at is None:
            started_at = change.at
        completed_at = change.at if category == StateCategory.COMPLETED else None
    return IssueFact(
        issue_id=created.issue_id,
        workspace_id=created.workspace_id,
        project_id=created.project_id,
        key=key[:32],
        created_at=created.at,
        started_at=started_at,
        completed_at=completed_at,
        category=category,
        reopened=reopened,
        deleted_at=deleted_at,
    )
