"""Event types of projects, their members, workflow states and labels. All of them are news for
the workspace's topic too (the sidebar, project settings)."""

from __future__ import annotations

from typing import TypedDict

from docket.core.events import Change, ChangesT, EventKind, IsoDateTime, Uuid


class ProjectNaming(TypedDict, total=False):
    key: Change[str]
    name: Change[str]


class ProjectChanges(TypedDict, total=False):
    name: Change[str]
    description: Change[str]
    lead_id: Change[Uuid]


class ProjectArchiving(TypedDict, total=False):
    archived_at: Change[IsoDateTime]


class ProjectDeletion(TypedDict, total=False):
    key: Change[str]
    deleted_issues: Change[int]


class ProjectMembership(TypedDict, total=False):
    user_id: Change[Uuid]


class StateOrder(TypedDict, total=False):
    state_ids: Change[list[Uuid]]


class StateChanges(TypedDict, total=False):
    name: Change[str]
    category: Change[str]
    color: Change[str]


class StateDeletion(StateChanges, total=False):
    moved_issues: Change[int]


class LabelChanges(TypedDict, total=False):
    name: Change[str]
    color: Change[str]


class LabelDeletion(TypedDict, total=False):
    name: Change[str]


class _ProjectEvent(EventKind[ChangesT], abstract=True):
    subject_type = "project"
    workspace_level = True


class _StateEvent(EventKind[ChangesT], abstract=True):
    subject_type = "state"
    workspace_level = True


class _LabelEvent(EventKind[ChangesT], abstract=True):
    subject_type = "label"
    workspace_level = True


class ProjectCreated(_ProjectEvent[ProjectNaming]):
    name = "project.created"
    description = "A project was created."


class ProjectUpdated(_ProjectEvent[ProjectChanges]):
    name = "project.updated"
    description = "A project's name, description or lead changed."


class ProjectArchived(_ProjectEvent[ProjectArchiving]):
    name = "project.archived"
    description = "A project was archived."


class ProjectUnarchived(_ProjectEvent[ProjectArchiving]):
    name = "project.unarchived"
    description = "A project was unarchived."


class ProjectDeleted(_ProjectEvent[ProjectDeletion]):
    name = "project.deleted"
    description = (
        "A project was deleted, and every issue in it with it: no issue.deleted is recorded "
        "for them. Its rows are purged in the background; from this event on none is reachable."
    )
    changes_access = True


class ProjectMemberAdded(_ProjectEvent[ProjectMembership]):
    name = "project.member_added"
    description = "Someone was added to the project."
    changes_access = True


class ProjectMemberRemoved(_ProjectEvent[ProjectMembership]):
    name = "project.member_removed"
    description = "Someone was removed from the project."
    changes_access = True


class ProjectStatesReordered(_ProjectEvent[StateOrder]):
    name = "project.states_reordered"
    description = "The project's workflow states were put in a new order."


class StateCreated(_StateEvent[StateChanges]):
    name = "state.created"
    description = "A state was added."


class StateUpdated(_StateEvent[StateChanges]):
    name = "state.updated"
    description = "A state was renamed, recolored or recategorized."


class StateDeleted(_StateEvent[StateDeletion]):
    name = "state.deleted"
    description = "A state was deleted; each issue it held records issue.moved."


class LabelCreated(_LabelEvent[LabelChanges]):
    name = "label.created"
    description = "A label was created."


class LabelUpdated(_LabelEvent[LabelChanges]):
    name = "label.updated"
    description = "A label was renamed or recolored."


class LabelDeleted(_LabelEvent[LabelDeletion]):
    name = "label.deleted"
    description = "A label was deleted; each issue that had it records issue.updated."


# The names services emit with (`new_event(PROJECT_CREATED, ...)`).
PROJECT_CREATED = ProjectCreated
PROJECT_UPDATED = ProjectUpdated
PROJECT_ARCHIVED = ProjectArchived
PROJECT_UNARCHIVED = ProjectUnarchived
PROJECT_DELETED = ProjectDeleted
PROJECT_MEMBER_ADDED = ProjectMemberAdded
PROJECT_MEMBER_REMOVED = ProjectMemberRemoved
PROJECT_STATES_REORDERED = ProjectStatesReordered
STATE_CREATED = StateCreated
STATE_UPDATED = StateUpdated
STATE_DELETED = StateDeleted
LABEL_CREATED = LabelCreated
LABEL_UPDATED = LabelUpdated
LABEL_DELETED = LabelDeleted
