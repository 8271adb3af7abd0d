"""Relations between issues: "ENG-4 relates to OPS-7".

A relation is stored as two rows, one from each end, so that either issue lists it with one
indexed lookup. Writes lock the two issue rows (by id, the order every issue write uses; no
project row is needed since no number is allocated) and record an event on each issue.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from docket.core.access import Access
from docket.core.errors import NotFound, ValidationFailed
from docket.core.events import EventType, created, deleted, emit
from docket.core.models import Event
from docket.issues import events
from docket.issues.models import Issue
from docket.issues.services import ensure_open, issue_event, lock_issues
from docket.projects.permissions import ensure_can_contribute

RELATES = "relates"


def _issue_ref(issue: Issue) -> dict[str, str]:
    return {"id": str(issue.id), "key": issue.key}


def _relation_events(
    kind: EventType, *, access: Access, issue: Issue, other: Issue, linked: bool
) -> list[Event]:
    """One event on each end, each naming the other end and the relation as seen from itself."""

    def change(end: Issue) -> dict[str, dict[str, Any]]:
        values = {"issue": _issue_ref(end), "relation": RELATES}
        return created(values) if linked else deleted(values)

    return [
        issue_event(kind, access=access, issue=issue, changes=change(other)),
        issue_event(kind, access=access, issue=other, changes=change(issue)),
    ]


def _check(access: Access, issue: Issue, other: Issue) -> None:
    ensure_can_contribute(access, action="relate issues")
    access.ensure_can_see(issue.project)
    access.ensure_can_see(other.project)
    if other.pk == issue.pk:
        raise ValidationFailed.for_field(
            "issue_key", "self_relation", "An issue cannot be related to itself."
        )
    ensure_open(issue.project)
    ensure_open(other.project)


def _lock_both(issue: Issue, other: Issue) -> None:
    if len(lock_issues([issue, other])) != 2:
        raise NotFound("Issue not found.", code="issue_not_found")


def issue_relate(*, access: Access, issue: Issue, other: Issue) -> bool:
    """Relate two issues (of any projects of the workspace the caller sees, both open).
    Members and above. Records `issue.linked` on both. Idempotent: relating issues that are
    already related writes nothing and returns False. ValidationFailed (`self_relation`) for an
    issue and itself."""
    _check(access, issue, other)
    with transaction.atomic():
        _lock_both(issue, other)
        if issue.related.filter(pk=other.pk).exists():
            return False
        # Symmetrical: one add() writes both rows.
        issue.related.add(other)
        emit(
            *_relation_events(
                events.ISSUE_LINKED, access=access, issue=issue, other=other, linked=True
            )
        )
    return True


def issue_unrelate(*, access: Access, issue: Issue, other: Issue) -> bool:
    """Remove the relation between two issues, both ways. Members and above, both projects
    open. Records `issue.unlinked` on both; issues that were not related are a no-op (returns
    False, writes nothing)."""
    _check(access, issue, other)
    with transaction.atomic():
        _lock_both(issue, other)
        if not issue.related.filter(pk=other.pk).exists():
            return False
        issue.related.remove(other)
        emit(
            *_relation_events(
                events.ISSUE_UNLINKED, access=access, issue=issue, other=other, linked=False
            )
        )
    return True
