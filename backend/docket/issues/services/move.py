"""Moving an issue on the board."""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any

from django.db import transaction

from docket.core.access import Access
from docket.core.errors import NotFound, ValidationFailed
from docket.core.events import emit
from docket.issues import events
from docket.issues.columns import completed_at_in, top_of_column
from docket.issues.history import issue_event, state_ref
from docket.issues.locks import lock_issues, lock_states
from docket.issues.models import Issue
from docket.issues.positions import key_between
from docket.issues.preconditions import ensure_open, ensure_version
from docket.issues.services.references import Errors, resolve_state
from docket.projects.permissions import ensure_can_contribute


def issue_move(
    *,
    access: Access,
    issue: Issue,
    state_id: uuid.UUID,
    after_id: uuid.UUID | None = None,
    before_id: uuid.UUID | None = None,
    expected_versions: Collection[int] | None = None,
) -> Issue:
    """Put an issue into a state's column right after `after_id` and/or right before
    `before_id` (both issues of that column); with neither, at the top, where every board
    sees it (as a state change by update does). Members and above, in
    an open project. Writes one row; records `issue.moved`. A stale `expected_versions` raises
    PreconditionFailed before anything is written."""
    ensure_can_contribute(access, action="move issues")
    project = issue.project
    access.ensure_can_see(project)
    ensure_open(project)
    errors = Errors()
    state = resolve_state(project, state_id, errors)
    errors.raise_if_any()
    assert state is not None  # noqa: S101

    with transaction.atomic():
        lock_states([state])
        locked = lock_issues([issue])
        if not locked:
            raise NotFound("Issue not found.", code="issue_not_found")
        issue = locked[0]
        ensure_version(issue, expected_versions)
        column = Issue.objects.filter(state=state).exclude(pk=issue.pk)
        lower: str | None
        upper: str | None
        neighbours = {
            n.id: n for n in column.filter(id__in=[i for i in (after_id, before_id) if i])
        }
        if after_id and after_id not in neighbours:
            errors.add(
                "after_id", "invalid_neighbour", "after_id must be another issue in that state."
            )
        if before_id and before_id not in neighbours:
            errors.add(
                "before_id", "invalid_neighbour", "before_id must be another issue in that state."
            )
        errors.raise_if_any()
        after = neighbours.get(after_id) if after_id else None
        before = neighbours.get(before_id) if before_id else None
        if after is not None and before is None:
            lower = after.position
            upper = (
                column.filter(position__gt=lower)
                .order_by("position")
                .values_list("position", flat=True)
                .first()
            )
        elif before is not None and after is None:
            upper = before.position
            lower = (
                column.filter(position__lt=upper)
                .order_by("-position")
                .values_list("position", flat=True)
                .first()
            )
        elif after is not None and before is not None:
            lower, upper = after.position, before.position
            if not lower < upper:
                raise ValidationFailed.for_field(
                    "before_id", "invalid_neighbour", "after_id must come before before_id."
                )
        else:
            lower = upper = None

        old_state, old_position, old_completed = issue.state, issue.position, issue.completed_at
        issue.state = state
        issue.position = (
            key_between(lower, upper)
            if after or before
            else top_of_column(state, excluding=issue)[0]
        )
        issue.completed_at = completed_at_in(state, issue.completed_at)
        issue.version += 1
        issue.save(update_fields=["state", "position", "completed_at", "updated_at", "version"])
        changes: dict[str, Any] = {"position": {"old": old_position, "new": issue.position}}
        if old_state.id != state.id:
            changes["state"] = {"old": state_ref(old_state), "new": state_ref(state)}
        if old_completed != issue.completed_at:
            changes["completed_at"] = {
                "old": old_completed.isoformat() if old_completed else None,
                "new": issue.completed_at.isoformat() if issue.completed_at else None,
            }
        emit(issue_event(events.ISSUE_MOVED, access=access, issue=issue, changes=changes))
    return issue
