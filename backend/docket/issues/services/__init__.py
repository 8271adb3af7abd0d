"""Writes for issues and comments, one module per concern. Each service is one transaction that
records its events; the lock order they share is in docket.issues.locks.

Callers import the services from here (`from docket.issues.services import issue_create`).
"""

from docket.issues.services.comments import comment_create, comment_delete, comment_update
from docket.issues.services.create import (
    MAX_BULK_ISSUES,
    BulkCreateResult,
    issue_bulk_create,
    issue_create,
)
from docket.issues.services.delete import issue_delete
from docket.issues.services.move import issue_move
from docket.issues.services.update import (
    BulkResult,
    issue_assignee_add,
    issue_assignee_remove,
    issue_bulk_update,
    issue_label_add,
    issue_label_remove,
    issue_update,
)

__all__ = [
    "MAX_BULK_ISSUES",
    "BulkCreateResult",
    "BulkResult",
    "comment_create",
    "comment_delete",
    "comment_update",
    "issue_assignee_add",
    "issue_assignee_remove",
    "issue_bulk_create",
    "issue_bulk_update",
    "issue_create",
    "issue_delete",
    "issue_label_add",
    "issue_label_remove",
    "issue_move",
    "issue_update",
]
