"""Event types of workspaces, their members and invitations. All of them are news for the
workspace's topic."""

from __future__ import annotations

from typing import TypedDict

from docket.core.events import Audience, Change, ChangesT, EventKind, NoChanges, Uuid


class WorkspaceNaming(TypedDict, total=False):
    slug: Change[str]
    name: Change[str]


class WorkspaceDeletion(TypedDict, total=False):
    slug: Change[str]


class MembershipChanges(TypedDict, total=False):
    role: Change[str]
    user_id: Change[Uuid]


class InvitationChanges(TypedDict, total=False):
    email: Change[str]
    role: Change[str]


class _WorkspaceEvent(EventKind[ChangesT], abstract=True):
    subject_type = "workspace"
    workspace_level = True
    # News about the workspace itself: every member may know of it, guests included.
    audience = Audience.WORKSPACE


class _MembershipEvent(EventKind[ChangesT], abstract=True):
    subject_type = "membership"
    workspace_level = True
    # A role changed or someone left: what they (and the guests beside them) may see changed.
    changes_access = True


class _InvitationEvent(EventKind[ChangesT], abstract=True):
    subject_type = "invitation"
    workspace_level = True
    # They name people who are not (yet) members: admins and owners only, as the invitations.
    audience = Audience.ADMINS


class WorkspaceCreated(_WorkspaceEvent[WorkspaceNaming]):
    name = "workspace.created"
    description = "A workspace was created."


class WorkspaceUpdated(_WorkspaceEvent[WorkspaceNaming]):
    name = "workspace.updated"
    description = "A workspace was renamed or got a new slug."


class WorkspaceDeleted(_WorkspaceEvent[WorkspaceDeletion]):
    name = "workspace.deleted"
    description = (
        "A workspace was deleted with everything in it; its rows are purged in the background,"
        " none reachable from this event on."
    )
    changes_access = True


class MemberRoleChanged(_MembershipEvent[MembershipChanges]):
    name = "member.role_changed"
    description = "A member's role changed."


class MemberRemoved(_MembershipEvent[MembershipChanges]):
    name = "member.removed"
    description = (
        "A member left or was removed; their personal access tokens for the workspace were"
        " revoked with it."
    )


class InvitationCreated(_InvitationEvent[InvitationChanges]):
    name = "invitation.created"
    description = "Someone was invited."


class InvitationRevoked(_InvitationEvent[NoChanges]):
    name = "invitation.revoked"
    description = "An invitation was revoked."


class InvitationAccepted(_InvitationEvent[MembershipChanges]):
    name = "invitation.accepted"
    description = "An invitation was accepted; the role is set when it made a new member."


# The names services emit with (`new_event(WORKSPACE_CREATED, ...)`).
WORKSPACE_CREATED = WorkspaceCreated
WORKSPACE_UPDATED = WorkspaceUpdated
WORKSPACE_DELETED = WorkspaceDeleted
MEMBER_ROLE_CHANGED = MemberRoleChanged
MEMBER_REMOVED = MemberRemoved
INVITATION_CREATED = InvitationCreated
INVITATION_REVOKED = InvitationRevoked
INVITATION_ACCEPTED = InvitationAccepted
