"""Which events of a workspace a member may know of: one rule for every reader of the log
(the change feed, realtime, and later webhooks' previews)."""

from __future__ import annotations

import uuid

from docket.core.access import Access
from docket.core.roles import Role

# Events about the workspace itself, which every member may know of.
WORKSPACE_WIDE = frozenset({"workspace.created", "workspace.updated", "workspace.deleted"})
# Events naming people who are not (yet) members: admins and owners only, as the invitation list.
ADMINS_ONLY = frozenset({"invitation.created", "invitation.revoked", "invitation.accepted"})


def can_see_event(access: Access, *, name: str, project_id: uuid.UUID | None) -> bool:
    """The in-memory form of the change feed's filter (`event_feed`): guests see their projects'
    events and news about the workspace; members everything but invitations; admins all."""
    if access.visible_project_ids is not None:
        return name in WORKSPACE_WIDE or (
            project_id is not None and project_id in access.visible_project_ids
        )
    return name not in ADMINS_ONLY or access.at_least(Role.ADMIN)
