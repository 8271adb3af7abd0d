"""Role rules as plain functions over `Access`. Each raises PermissionDenied with a stable code.

The services call them before a change, and the API's `capabilities` (docket.http.capabilities)
ask the same functions whether the caller could, so the two cannot disagree."""

from docket.core.access import Access
from docket.core.errors import PermissionDenied
from docket.core.roles import ROLE_RANK, Role
from docket.workspaces.models import Membership


def ensure_can_change_workspace(access: Access) -> None:
    access.ensure_role(Role.ADMIN, action="change the workspace")


def ensure_can_delete_workspace(access: Access) -> None:
    access.ensure_role(Role.OWNER, action="delete the workspace")


def ensure_can_invite(access: Access) -> None:
    """Admins and owners invite people, see and revoke the open invitations."""
    access.ensure_role(Role.ADMIN, action="invite people")


def ensure_can_manage_members(access: Access) -> None:
    access.ensure_role(Role.ADMIN, action="manage members")


def ensure_can_manage_member(access: Access, target: Membership, *, new_role: Role | None) -> None:
    """Admins manage members and guests and other admins; only owners touch owners."""
    ensure_can_manage_members(access)
    touches_owner = target.role == Role.OWNER or new_role == Role.OWNER
    if touches_owner and access.role != Role.OWNER:
        raise PermissionDenied("Only an owner may change owners.", code="owner_required")


def ensure_can_remove_member(access: Access, target: Membership) -> None:
    """Anyone may leave; removing someone else is managing them."""
    if target.pk != access.membership_id:
        ensure_can_manage_member(access, target, new_role=None)


def can_grant(access: Access, role: Role) -> bool:
    return ROLE_RANK[access.role] >= ROLE_RANK[role]


def can_see_member_emails(access: Access) -> bool:
    """Whether the caller may learn other people's e-mail addresses wherever a person is shown
    (docket.http.refs.UserSummaryOutput): the roles that list the workspace's members, not
    guests."""
    return access.at_least(Role.MEMBER)
