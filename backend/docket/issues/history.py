"""What an issue's history records: the issue as a reader of its history sees it (names as
they were at the time, declared with the issue's fields in docket.issues.shape), and events
about it."""

from __future__ import annotations

from docket.core.access import Access
from docket.core.events import EventType, new_event
from docket.core.models import Event
from docket.issues.models import Issue
from docket.issues.shape import issue_snapshot, state_ref

__all__ = ["issue_event", "issue_snapshot", "state_ref"]


def issue_event(
    kind: EventType, *, access: Access, issue: Issue, changes: dict | None = None
) -> Event:
    """An unsaved event about an issue (comment events included: they belong to its history)."""
    return new_event(
        kind,
        access=access,
        subject_id=issue.pk,
        subject_label=issue.key,
        project_id=issue.project_id,
        changes=changes,
    )
