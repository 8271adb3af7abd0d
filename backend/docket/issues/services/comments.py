"""Comments on issues: they belong to the issue's history."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from docket.core.access import Access
from docket.core.events import EventType, created, deleted, emit
from docket.core.models import Event
from docket.core.rows import lock_existing
from docket.issues import events
from docket.issues.history import issue_event
from docket.issues.models import Comment, Issue
from docket.issues.permissions import ensure_can_delete_comment, ensure_can_edit_comment


def _comment_event(
    kind: EventType, *, access: Access, comment: Comment, gone: bool = False
) -> Event:
    """An event of the comment's issue naming the comment: as the new value, or as the old one
    once it is `gone`."""
    ref = {"comment_id": str(comment.id)}
    return issue_event(
        kind, access=access, issue=comment.issue, changes=deleted(ref) if gone else created(ref)
    )


def comment_create(*, access: Access, issue: Issue, body: str) -> Comment:
    """Comment on an issue. Anyone who can see the issue, guests included."""
    access.ensure_can_see(issue.project)
    with transaction.atomic():
        comment = Comment.objects.create(
            workspace_id=issue.workspace_id, issue=issue, author=access.user, body=body
        )
        emit(_comment_event(events.COMMENT_CREATED, access=access, comment=comment))
    return comment


def comment_update(*, access: Access, comment: Comment, body: str) -> Comment:
    """Edit one's own comment."""
    access.ensure_can_see(comment.issue.project)
    ensure_can_edit_comment(access, comment)
    if body == comment.body:
        return comment
    with transaction.atomic():
        lock_existing(comment, message="Comment not found.", code="comment_not_found")
        comment.body = body
        comment.edited_at = timezone.now()
        comment.save(update_fields=["body", "edited_at", "updated_at"])
        emit(_comment_event(events.COMMENT_UPDATED, access=access, comment=comment))
    return comment


def comment_delete(*, access: Access, comment: Comment) -> None:
    """Delete one's own comment; admins and owners may delete any. The log records that it
    was deleted; what it said goes with it (no event ever held the text)."""
    access.ensure_can_see(comment.issue.project)
    ensure_can_delete_comment(access, comment)
    with transaction.atomic():
        emit(_comment_event(events.COMMENT_DELETED, access=access, comment=comment, gone=True))
        comment.delete()
