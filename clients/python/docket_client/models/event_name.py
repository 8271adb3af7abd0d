from enum import StrEnum


class EventName(StrEnum):
    COMMENT_CREATED = "comment.created"
    COMMENT_DELETED = "comment.deleted"
    COMMENT_UPDATED = "comment.updated"
    INVITATION_ACCEPTED = "invitation.accepted"
    INVITATION_CREATED = "invitation.created"
    INVITATION_REVOKED = "invitation.revoked"
    ISSUE_CREATED = "issue.created"
    ISSUE_DELETED = "issue.deleted"
    ISSUE_LINKED = "issue.linked"
    ISSUE_MOVED = "issue.moved"
    ISSUE_UNLINKED = "issue.unlinked"
    ISSUE_UPDATED = "issue.updated"
    LABEL_CREATED = "label.created"
    LABEL_DELETED = "label.deleted"
    LABEL_UPDATED = "label.updated"
    MEMBER_REMOVED = "member.removed"
    MEMBER_ROLE_CHANGED = "member.role_changed"
    PROJECT_ARCHIVED = "project.archived"
    PROJECT_CREATED = "project.created"
    PROJECT_DELETED = "project.deleted"
    PROJECT_MEMBER_ADDED = "project.member_added"
    PROJECT_MEMBER_REMOVED = "project.member_removed"
    PROJECT_STATES_REORDERED = "project.states_reordered"
    PROJECT_UNARCHIVED = "project.unarchived"
    PROJECT_UPDATED = "project.updated"
    STATE_CREATED = "state.created"
    STATE_DELETED = "state.deleted"
    STATE_UPDATED = "state.updated"
    WORKSPACE_CREATED = "workspace.created"
    WORKSPACE_DELETED = "workspace.deleted"
    WORKSPACE_UPDATED = "workspace.updated"

    def __str__(self) -> str:
        return str(self.value)
