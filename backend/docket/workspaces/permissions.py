"""Role rules as plain functions over `Access`. Each raises PermissionDenied with a stable code."""

from docket.core.access import Access
from docket.core.errors import PermissionDenied
from docket.core.roles import ROLE_RANK, Role
from docket.workspaces.models import Membership


def ensure_can_manage_member(access: Access, target: Membership, *, new_role: Role | None) -> None:
    """Admins manage members and guests and other admins; only owners touch owners."""
    access.ensure_role(Role.ADMIN, action="manage members")
    touches_owner = target.role == Role.OWNER or new_role == Role.OWNER
    if touches_owner and access.role != Role.OWNER:
        raise PermissionDenied("Only an owner may change owners.", code="owner_required")


def can_grant(access: Access, role: Role) -> bool:
    return ROLE_RANK[access.role] >= ROLE_RANK[role]


def can_see_member_emails(access: Access) -> bool:
    """Whether the caller may learn other people's e-mail addresses wherever a person is shown
    (docket.http.refs.UserSummaryOutput): the roles that list the workspace's members, not
    guests."""
    return access.at_least(Role.MEMBER)
