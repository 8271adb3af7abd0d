"""Reads for workspaces. Everything starts from the caller's membership."""

from django.db.models import OuterRef, QuerySet, Subquery

from docket.accounts.models import User
from docket.core.errors import NotFound
from docket.workspaces.models import Invitation, Membership, Role, Workspace
from docket.workspaces.permissions import ensure_role


def membership_get(*, actor: User, workspace_slug: str) -> Membership:
    """The caller's membership (with its workspace) or NotFound, the same answer whether the
    workspace is missing or belongs to others."""
    membership = (
        Membership.objects.select_related("workspace")
        .filter(user=actor, workspace__slug=workspace_slug)
        .first()
    )
    if membership is None:
        raise NotFound("Workspace not found.", code="workspace_not_found")
    return membership


def workspace_list(*, actor: User) -> QuerySet[Workspace]:
    """Workspaces the caller belongs to, each annotated with the caller's `role`."""
    role = Membership.objects.filter(workspace=OuterRef("pk"), user=actor).values("role")[:1]
    return Workspace.objects.filter(memberships__user=actor).annotate(role=Subquery(role))


def member_list(*, membership: Membership) -> QuerySet[Membership]:
    return Membership.objects.filter(workspace_id=membership.workspace_id).select_related("user")


def member_get(*, membership: Membership, user_id: str) -> Membership:
    target = member_list(membership=membership).filter(user_id=user_id).first()
    if target is None:
        raise NotFound("Member not found.", code="member_not_found")
    return target


def invitation_list(*, membership: Membership) -> QuerySet[Invitation]:
    """Open invitations. Admins and owners only: the list holds other people's addresses."""
    ensure_role(membership, Role.ADMIN, action="see invitations")
    return Invitation.objects.filter(
        workspace_id=membership.workspace_id, accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("invited_by")


def invitation_get(*, membership: Membership, invitation_id: str) -> Invitation:
    invitation = invitation_list(membership=membership).filter(id=invitation_id).first()
    if invitation is None:
        raise NotFound("Invitation not found.", code="invitation_not_found")
    return invitation
