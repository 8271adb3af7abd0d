"""Event types of workspaces, their members and invitations."""

from docket.core.events import ID, STRING, event_type

WORKSPACE_CREATED = event_type(
    "workspace.created",
    subject="workspace",
    description="A workspace was created.",
    fields={"slug": STRING, "name": STRING},
)
WORKSPACE_UPDATED = event_type(
    "workspace.updated",
    subject="workspace",
    description="A workspace was renamed or got a new slug.",
    fields={"slug": STRING, "name": STRING},
)
WORKSPACE_DELETED = event_type(
    "workspace.deleted",
    subject="workspace",
    description=(
        "A workspace was deleted with everything in it; its rows are purged in the background,"
        " none reachable from this event on."
    ),
    fields={"slug": STRING},
)
MEMBER_ROLE_CHANGED = event_type(
    "member.role_changed",
    subject="membership",
    description="A member's role changed.",
    fields={"role": STRING, "user_id": ID},
)
MEMBER_REMOVED = event_type(
    "member.removed",
    subject="membership",
    description="A member left or was removed.",
    fields={"role": STRING, "user_id": ID},
)
INVITATION_CREATED = event_type(
    "invitation.created",
    subject="invitation",
    description="Someone was invited.",
    fields={"email": STRING, "role": STRING},
)
INVITATION_REVOKED = event_type(
    "invitation.revoked", subject="invitation", description="An invitation was revoked."
)
INVITATION_ACCEPTED = event_type(
    "invitation.accepted",
    subject="invitation",
    description="An invitation was accepted; the role is set when it made a new member.",
    fields={"role": STRING, "user_id": ID},
)
