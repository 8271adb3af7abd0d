"""Reads for workspaces, members and invitations, scoped to the caller's access."""

import uuid

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from docket.accounts.models import User
from docket.core import db_routers
from docket.core.access import Access
from docket.core.errors import NotFound
from docket.core.roles import Role
from docket.workspaces.models import Invitation, Membership, PersonalAccessToken, Workspace
from docket.workspaces.permissions import can_see_member_emails


def workspace_list(
    *, actor: User, only_workspace_id: uuid.UUID | None = None
) -> QuerySet[Workspace]:
    """Workspaces the caller belongs to, each annotated with the caller's `role`; with
    `only_workspace_id` (a personal access token's workspace), that one at most."""
    role = Membership.objects.filter(workspace=OuterRef("pk"), user=actor).values("role")[:1]
    # The caller's memberships and roles: read on the primary, like every authorization read.
    workspaces = Workspace.objects.using(db_routers.PRIMARY).filter(
        memberships__user=actor, deleted_at__isnull=True
    )
    if only_workspace_id is not None:
        workspaces = workspaces.filter(pk=only_workspace_id)
    return workspaces.annotate(role=Subquery(role))


def member_list(*, access: Access, search: str = "") -> QuerySet[Membership]:
    """Members of the workspace. A guest sees only the members of the projects they were added
    to (the people listed on those projects) and themself, never the workspace's directory.
    With `search`, only those whose display name or email contains it (any case); the email
    only for a caller who may see addresses, so a guest cannot probe who has one."""
    members = Membership.objects.filter(workspace_id=access.workspace_id).select_related("user")
    if search:
        matches = Q(user__display_name__icontains=search)
        if can_see_member_emails(access):
            matches |= Q(user__email__icontains=search)
        members = members.filter(matches)
    if access.visible_project_ids is not None:
        # Through the reverse relation: projects depends on workspaces, not the other way round.
        on_a_shared_project = Membership.objects.filter(
            project_memberships__project_id__in=access.visible_project_ids
        ).values("pk")
        members = members.filter(Q(pk__in=on_a_shared_project) | Q(pk=access.membership_id))
    return members


def member_get(*, access: Access, user_id: str) -> Membership:
    target = member_list(access=access).filter(user_id=user_id).first()
    if target is None:
        raise NotFound("Member not found.", code="member_not_found")
    return target


def invitation_list(*, access: Access) -> QuerySet[Invitation]:
    """Open invitations. Admins and owners only: the list holds other people's addresses."""
    access.ensure_role(Role.ADMIN, action="see invitations")
    return Invitation.objects.filter(
        workspace_id=access.workspace_id, accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("invited_by")


def invitation_get(*, access: Access, invitation_id: str) -> Invitation:
    invitation = invitation_list(access=access).filter(id=invitation_id).first()
    if invitation is None:
        raise NotFound("Invitation not found.", code="invitation_not_found")
    return invitation


def token_list(*, actor: User) -> QuerySet[PersonalAccessToken]:
    """The caller's personal access tokens that are not revoked (expired ones included, so the
    owner sees why a bot stopped), with their workspace."""
    return PersonalAccessToken.objects.filter(
        user=actor, revoked_at__isnull=True, workspace__deleted_at__isnull=True
    ).select_related("workspace")


def token_get(*, actor: User, token_id: uuid.UUID) -> PersonalAccessToken:
    token = token_list(actor=actor).filter(pk=token_id).first()
    if token is None:
        raise NotFound("Token not found.", code="token_not_found")
    return token


def live_tokens() -> QuerySet[PersonalAccessToken]:
    """Tokens that still authenticate, read on the primary (a revocation counts at once,
    whatever the replica lag): not revoked nor expired, their owner active and still a member
    of their workspace, the workspace not deleted."""
    is_member = Membership.objects.filter(
        user_id=OuterRef("user_id"), workspace_id=OuterRef("workspace_id")
    )
    return (
        PersonalAccessToken.objects.using(db_routers.PRIMARY)
        .filter(revoked_at__isnull=True, user__is_active=True, workspace__deleted_at__isnull=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=timezone.now()))
        .filter(Exists(is_member))
    )
