"""Who may change a project: admins and owners, and the project's lead if not a guest."""

from docket.core.errors import PermissionDenied
from docket.projects.models import Project
from docket.workspaces.models import Membership, Role
from docket.workspaces.permissions import ensure_role


def ensure_can_manage_project(membership: Membership, project: Project) -> None:
    if membership.at_least(Role.ADMIN):
        return
    if project.lead_id == membership.user_id and membership.at_least(Role.MEMBER):
        return
    raise PermissionDenied(
        "Only workspace admins and the project lead may change this project.",
        code="insufficient_role",
    )


def ensure_can_contribute(membership: Membership, *, action: str) -> None:
    """Members and above create and edit issues and labels; guests only read and comment."""
    ensure_role(membership, Role.MEMBER, action=action)
