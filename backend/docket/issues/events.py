"""Event types of issues and their comments. Comment events belong to the issue's history, so
their subject is the issue."""

from docket.core.events import DATE, DATETIME, ID, INTEGER, STRING, event_type, list_of, ref

STATE = ref(id=ID, name=STRING, category=STRING)
USER = ref(id=ID, display_name=STRING)
LABEL = ref(id=ID, name=STRING)
PARENT = ref(id=ID, key=STRING)

# What an issue looks like to a reader of its history: names as they were at the time.
ISSUE_FIELDS = {
    "title": STRING,
    "description": STRING,
    "state": STATE,
    "priority": STRING,
    "estimate": INTEGER,
    "due_date": DATE,
    "parent": PARENT,
    "assignees": list_of(USER),
    "labels": list_of(LABEL),
    "completed_at": DATETIME,
    "external_ref": STRING,
}

ISSUE_CREATED = event_type(
    "issue.created", subject="issue", description="An issue was created.", fields=ISSUE_FIELDS
)
ISSUE_UPDATED = event_type(
    "issue.updated",
    subject="issue",
    description=(
        "Fields of an issue changed: by an edit, or as the consequence of another change (its "
        "state's category changed, a label or its parent was deleted)."
    ),
    fields=ISSUE_FIELDS,
)
ISSUE_MOVED = event_type(
    "issue.moved",
    subject="issue",
    description="An issue moved on the board: a new place in its column, or another state.",
    fields={"position": STRING, "state": STATE, "completed_at": DATETIME},
)
ISSUE_DELETED = event_type(
    "issue.deleted",
    subject="issue",
    description=(
        "An issue was deleted, alone or with its project. Records that it happened (the key is "
        "the subject label), not what it said."
    ),
)
COMMENT_CREATED = event_type(
    "comment.created",
    subject="issue",
    description=(
        "Someone commented on the issue. The text is the comment's, read from the comment "
        "itself: the log never holds it, so deleting the comment deletes what it said."
    ),
    fields={"comment_id": ID},
)
COMMENT_UPDATED = event_type(
    "comment.updated",
    subject="issue",
    description="A comment on the issue was edited.",
    fields={"comment_id": ID},
)
COMMENT_DELETED = event_type(
    "comment.deleted",
    subject="issue",
    description="A comment on the issue was deleted. What it said is not kept.",
    fields={"comment_id": ID},
)

# The other end of a relation, and the relation as seen from the subject ("relates", ...).
RELATION_FIELDS = {"issue": PARENT, "relation": STRING}

ISSUE_LINKED = event_type(
    "issue.linked",
    subject="issue",
    description=(
        "The issue was related to another one. Recorded on both issues, each naming the other "
        "and the relation as seen from itself."
    ),
    fields=RELATION_FIELDS,
)
ISSUE_UNLINKED = event_type(
    "issue.unlinked",
    subject="issue",
    description=(
        "A relation between the issue and another one was removed, by hand or because the "
        "other issue was deleted. Recorded on each issue that still exists."
    ),
    fields=RELATION_FIELDS,
)
