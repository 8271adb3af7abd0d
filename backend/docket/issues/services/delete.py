"""Deleting an issue."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from django.db import transaction

from docket.core.access import Access
from docket.core.errors import NotFound
from docket.core.events import emit
from docket.core.models import Event
from docket.issues import events
from docket.issues.history import issue_event
from docket.issues.locks import lock_issues
from docket.issues.models import Issue
from docket.issues.preconditions import ensure_open, ensure_version
from docket.issues.relations import relations_cleared_events
from docket.projects.permissions import ensure_can_contribute


def _parent_cleared_events(*, access: Access, parents: Sequence[Issue]) -> list[Event]:
    """`issue.updated` for each child of `parents`, which are about to be deleted (the
    database sets their parent to null). Call inside the deleting transaction."""
    children = Issue.objects.filter(parent__in=list(parents)).select_related(
        "project", "parent__project"
    )
    return [
        issue_event(
            events.ISSUE_UPDATED,
            access=access,
            issue=child,
            changes={"parent": {"old": {"id": str(parent.id), "key": parent.key}, "new": None}},
        )
        for child in children
        if (parent := child.parent) is not None
    ]


def issue_delete(
    *, access: Access, issue: Issue, expected_versions: Collection[int] | None = None
) -> None:
    """Delete an issue with its comments. Members and above, in an open project. Records
    `issue.deleted`, `issue.updated` for each child issue that loses its parent and
    `issue.unlinked` for each issue related to it. A stale
    `expected_versions` raises PreconditionFailed and deletes nothing."""
    ensure_can_contribute(access, action="delete issues")
    access.ensure_can_see(issue.project)
    ensure_open(issue.project)
    with transaction.atomic():
        locked = lock_issues([issue], deleting=True)
        if not locked:
            raise NotFound("Issue not found.", code="issue_not_found")
        ensure_version(locked[0], expected_versions)
        emit(
            issue_event(events.ISSUE_DELETED, access=access, issue=issue),
            *_parent_cleared_events(access=access, parents=[issue]),
            *relations_cleared_events([issue], access=access),
        )
        issue.delete()
