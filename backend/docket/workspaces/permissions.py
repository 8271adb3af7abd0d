"""Role rules as plain functions. Each raises PermissionDenied with a stable code."""

from docket.core.errors import PermissionDenied
from docket.workspaces.models import ROLE_RANK, Membership, Role


def ensure_role(membership: Membership, minimum: Role, *, action: str) -> None:
    if not membership.at_least(minimum):
        raise PermissionDenied(
            f"Only a workspace {minimum.label.lower()} or above may {action}.",
            code="insufficient_role",
        )


def ensure_can_manage_member(
    actor: Membership, target: Membership, *, new_role: Role | None
) -> None:
    """Admins manage members and guests and other admins; only owners touch owners."""
    ensure_role(actor, Role.ADMIN, action="manage members")
    touches_owner = target.role == Role.OWNER or new_role == Role.OWNER
    if touches_owner and actor.role != Role.OWNER:
        raise PermissionDenied("Only an owner may change owners.", code="owner_required")


def can_grant(actor: Membership, role: Role) -> bool:
    return ROLE_RANK[Role(actor.role)] >= ROLE_RANK[role]
