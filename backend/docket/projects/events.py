"""Event types of projects, their members, workflow states and labels."""

from docket.core.events import DATETIME, ID, ID_LIST, INTEGER, STRING, event_type

PROJECT_CREATED = event_type(
    "project.created",
    subject="project",
    description="A project was created.",
    fields={"key": STRING, "name": STRING},
)
PROJECT_UPDATED = event_type(
    "project.updated",
    subject="project",
    description="A project's name, description or lead changed.",
    fields={"name": STRING, "description": STRING, "lead_id": ID},
)
PROJECT_ARCHIVED = event_type(
    "project.archived",
    subject="project",
    description="A project was archived.",
    fields={"archived_at": DATETIME},
)
PROJECT_UNARCHIVED = event_type(
    "project.unarchived",
    subject="project",
    description="A project was unarchived.",
    fields={"archived_at": DATETIME},
)
PROJECT_DELETED = event_type(
    "project.deleted",
    subject="project",
    description=(
        "A project was deleted, and every issue in it with it: no issue.deleted is recorded "
        "for them. Its rows are purged in the background; from this event on none is reachable."
    ),
    fields={"key": STRING, "deleted_issues": INTEGER},
)
PROJECT_MEMBER_ADDED = event_type(
    "project.member_added",
    subject="project",
    description="Someone was added to the project.",
    fields={"user_id": ID},
)
PROJECT_MEMBER_REMOVED = event_type(
    "project.member_removed",
    subject="project",
    description="Someone was removed from the project.",
    fields={"user_id": ID},
)
PROJECT_STATES_REORDERED = event_type(
    "project.states_reordered",
    subject="project",
    description="The project's workflow states were put in a new order.",
    fields={"state_ids": ID_LIST},
)
STATE_FIELDS = {"name": STRING, "category": STRING, "color": STRING}
STATE_CREATED = event_type(
    "state.created", subject="state", description="A state was added.", fields=STATE_FIELDS
)
STATE_UPDATED = event_type(
    "state.updated",
    subject="state",
    description="A state was renamed, recolored or recategorized.",
    fields=STATE_FIELDS,
)
STATE_DELETED = event_type(
    "state.deleted",
    subject="state",
    description="A state was deleted; each issue it held records issue.moved.",
    fields={**STATE_FIELDS, "moved_issues": INTEGER},
)
LABEL_FIELDS = {"name": STRING, "color": STRING}
LABEL_CREATED = event_type(
    "label.created", subject="label", description="A label was created.", fields=LABEL_FIELDS
)
LABEL_UPDATED = event_type(
    "label.updated",
    subject="label",
    description="A label was renamed or recolored.",
    fields=LABEL_FIELDS,
)
LABEL_DELETED = event_type(
    "label.deleted",
    subject="label",
    description="A label was deleted; each issue that had it records issue.updated.",
    fields={"name": STRING},
)
