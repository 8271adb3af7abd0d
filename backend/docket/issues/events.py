"""Event types of issues and their comments. Comment events belong to the issue's history, so
their subject is the issue."""

from __future__ import annotations

from typing import TypedDict

from docket.core.events import (
    Change,
    ChangesT,
    EventKind,
    IsoDate,
    IsoDateTime,
    NoChanges,
    Uuid,
)

# Snapshots of what an issue refers to: names as they were at the time.


class StateRef(TypedDict):
    id: Uuid
    name: str
    category: str


class UserRef(TypedDict):
    id: Uuid
    display_name: str


class LabelRef(TypedDict):
    id: Uuid
    name: str


class IssueRef(TypedDict):
    id: Uuid
    key: str


class IssueChanges(TypedDict, total=False):
    """What an issue looks like to a reader of its history."""

    title: Change[str]
    description: Change[str]
    state: Change[StateRef]
    priority: Change[str]
    estimate: Change[int]
    due_date: Change[IsoDate]
    parent: Change[IssueRef]
    assignees: Change[list[UserRef]]
    labels: Change[list[LabelRef]]
    completed_at: Change[IsoDateTime]
    external_ref: Change[str]


class IssueMoveChanges(TypedDict, total=False):
    position: Change[str]
    state: Change[StateRef]
    completed_at: Change[IsoDateTime]


class CommentChanges(TypedDict, total=False):
    comment_id: Change[Uuid]


class RelationChanges(TypedDict, total=False):
    """The other end of a relation, and the relation as seen from the subject ("relates", ...)."""

    issue: Change[IssueRef]
    relation: Change[str]


# The subject type of every event about an issue (its comments' and relations' included).
ISSUE_SUBJECT = "issue"


class _IssueEvent(EventKind[ChangesT], abstract=True):
    subject_type = ISSUE_SUBJECT


class IssueCreated(_IssueEvent[IssueChanges]):
    name = "issue.created"
    description = "An issue was created."


class IssueUpdated(_IssueEvent[IssueChanges]):
    name = "issue.updated"
    description = (
        "Fields of an issue changed: by an edit, or as the consequence of another change (its "
        "state's category changed, a label or its parent was deleted)."
    )


class IssueMoved(_IssueEvent[IssueMoveChanges]):
    name = "issue.moved"
    description = "An issue moved on the board: a new place in its column, or another state."


class IssueDeleted(_IssueEvent[NoChanges]):
    name = "issue.deleted"
    description = (
        "An issue was deleted, alone or with its project. Records that it happened (the key is "
        "the subject label), not what it said."
    )


class CommentCreated(_IssueEvent[CommentChanges]):
    name = "comment.created"
    description = (
        "Someone commented on the issue. The text is the comment's, read from the comment "
        "itself: the log never holds it, so deleting the comment deletes what it said."
    )


class CommentUpdated(_IssueEvent[CommentChanges]):
    name = "comment.updated"
    description = "A comment on the issue was edited."


class CommentDeleted(_IssueEvent[CommentChanges]):
    name = "comment.deleted"
    description = "A comment on the issue was deleted. What it said is not kept."


class IssueLinked(_IssueEvent[RelationChanges]):
    name = "issue.linked"
    description = (
        "The issue was related to another one. Recorded on both issues, each naming the other "
        "and the relation as seen from itself. `issue` is left out for a reader who sees only "
        "some projects (a guest) when the other issue is outside them."
    )


class IssueUnlinked(_IssueEvent[RelationChanges]):
    name = "issue.unlinked"
    description = (
        "A relation between the issue and another one was removed, by hand or because the "
        "other issue was deleted. Recorded on each issue that still exists. `issue` is left out "
        "for a reader who sees only some projects (a guest) when the other issue is outside "
        "them or no longer exists."
    )


# The names services emit with (`new_event(ISSUE_CREATED, ...)`).
ISSUE_CREATED = IssueCreated
ISSUE_UPDATED = IssueUpdated
ISSUE_MOVED = IssueMoved
ISSUE_DELETED = IssueDeleted
COMMENT_CREATED = CommentCreated
COMMENT_UPDATED = CommentUpdated
COMMENT_DELETED = CommentDeleted
ISSUE_LINKED = IssueLinked
ISSUE_UNLINKED = IssueUnlinked
