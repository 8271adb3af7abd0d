"""Who may change a comment. The services call these before the change; the API's comment
`capabilities` (docket.http.capabilities) ask the same functions."""

from docket.core.access import Access
from docket.core.errors import PermissionDenied
from docket.core.roles import Role
from docket.issues.models import Comment


def ensure_can_edit_comment(access: Access, comment: Comment) -> None:
    """Only its author edits a comment: nobody puts words in someone else's mouth."""
    if comment.author_id != access.user_id:
        raise PermissionDenied("You can only edit your own comments.", code="not_author")


def ensure_can_delete_comment(access: Access, comment: Comment) -> None:
    """Its author deletes a comment; admins and owners may delete any (moderation)."""
    if comment.author_id != access.user_id and not access.at_least(Role.ADMIN):
        raise PermissionDenied(
            "Only the author or a workspace admin may delete this comment.", code="not_author"
        )
