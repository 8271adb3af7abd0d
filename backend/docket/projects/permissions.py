"""Who may change a project: admins and owners, and the project's lead if not a guest.

The services call these before a change; the API's `capabilities` (docket.http.capabilities)
ask the same functions whether the caller could."""

from docket.core.access import Access
from docket.core.errors import PermissionDenied
from docket.core.roles import Role
from docket.projects.models import Project


def ensure_can_manage_project(access: Access, project: Project) -> None:
    access.ensure_can_see(project)
    if access.at_least(Role.ADMIN):
        return
    if project.lead_id == access.user_id and access.at_least(Role.MEMBER):
        return
    raise PermissionDenied(
        "Only workspace admins and the project lead may change this project.",
        code="insufficient_role",
    )


def ensure_can_delete_project(access: Access, project: Project) -> None:
    """Admins and owners only, not the lead: a delete takes every issue with it."""
    access.ensure_role(Role.ADMIN, action="delete projects")
    access.ensure_can_see(project)


def ensure_can_contribute(access: Access, *, action: str) -> None:
    """Members and above create and edit issues and labels; guests only read and comment."""
    access.ensure_role(Role.MEMBER, action=action)
