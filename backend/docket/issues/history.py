"""What an issue's history records: the issue as a reader of its history sees it (names as
they were at the time), and events about it."""

from __future__ import annotations

from collections.abc import Iterable

from docket.accounts.models import User
from docket.core.access import Access
from docket.core.events import EventType, new_event
from docket.core.models import Event
from docket.issues.models import Issue, Priority
from docket.projects.models import Label, State


def _user_ref(user: User) -> dict[str, str]:
    return {"id": str(user.id), "display_name": user.display_name}


def state_ref(state: State) -> dict[str, str]:
    return {"id": str(state.id), "name": state.name, "category": state.category}


def issue_snapshot(issue: Issue, *, assignees: Iterable[User], labels: Iterable[Label]) -> dict:
    """What an issue looks like to a reader of its history: names as they were at the time."""
    return {
        "title": issue.title,
        "description": issue.description,
        "state": state_ref(issue.state),
        "priority": Priority(issue.priority).label,
        "estimate": issue.estimate,
        "due_date": issue.due_date.isoformat() if issue.due_date else None,
        "parent": ({"id": str(issue.parent.id), "key": issue.parent.key} if issue.parent else None),
        "assignees": sorted((_user_ref(u) for u in assignees), key=lambda ref: ref["id"]),
        "labels": sorted(
            ({"id": str(label.id), "name": label.name} for label in labels),
            key=lambda ref: ref["id"],
        ),
        "completed_at": issue.completed_at.isoformat() if issue.completed_at else None,
        "external_ref": issue.external_ref,
    }


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
