"""Building `Access` values, and the other direction: who may see a project.

Visibility needs both workspace memberships and project memberships, so it lives in the lowest
app that knows both. Views get their access from the tenancy view base; tasks and websocket
consumers rebuild it from ids with `access_from_ids`.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import Exists, OuterRef, Q, QuerySet

from docket.core import db_routers
from docket.core.access import Access
from docket.core.errors import NotFound
from docket.core.roles import Role
from docket.projects.models import Project, ProjectMember
from docket.workspaces.models import Membership, Workspace


def _memberships_with_projects() -> QuerySet[Membership]:
    # One query whatever the role: the ids of the projects a guest was added to ride along, and
    # those of the workspace's deleted projects (a partial index holds just those). A deleted
    # workspace is no one's any more: the one place every access is built skips it.
    added_to = ProjectMember.objects.filter(membership=OuterRef("pk")).values("project_id")
    deleted = Project.objects.filter(
        workspace_id=OuterRef("workspace_id"), deleted_at__isnull=False
    ).values("id")
    # On the primary, always: who may do what must be read where a removal or a role change is
    # written, never from a standby that has not replayed it yet.
    return (
        Membership.objects.using(db_routers.PRIMARY)
        .select_related("workspace", "user")
        .filter(workspace__deleted_at__isnull=True)
        .annotate(
            added_project_ids=ArraySubquery(added_to), deleted_project_ids=ArraySubquery(deleted)
        )
    )


def access_from_membership(membership: Any) -> Access:
    """The access of a loaded membership (annotated with added_project_ids, or queried here)."""
    role = Role(membership.role)
    visible: frozenset[uuid.UUID] | None = None
    if role == Role.GUEST:
        added = getattr(membership, "added_project_ids", None)
        if added is None:
            added = ProjectMember.objects.filter(membership=membership).values_list(
                "project_id", flat=True
            )
        visible = frozenset(added)
    deleted = getattr(membership, "deleted_project_ids", None)
    if deleted is None:
        deleted = Project.objects.filter(
            workspace_id=membership.workspace_id, deleted_at__isnull=False
        ).values_list("id", flat=True)
    return Access(
        user=membership.user,
        workspace_id=membership.workspace_id,
        membership_id=membership.pk,
        role=role,
        visible_project_ids=visible,
        deleted_project_ids=frozenset(deleted),
    )


def access_for_workspace(
    *, user: Any, workspace_slug: str, only_workspace_id: uuid.UUID | None = None
) -> tuple[Access, Workspace]:
    """The caller's access to a workspace named by slug, and the workspace; NotFound (the same
    answer for a missing workspace and for one the caller is not a member of). With
    `only_workspace_id` (a personal access token's workspace), any other workspace is NotFound
    too, in the same query."""
    if not getattr(user, "is_authenticated", False):
        raise NotFound("Workspace not found.", code="workspace_not_found")
    memberships = _memberships_with_projects().filter(user=user, workspace__slug=workspace_slug)
    if only_workspace_id is not None:
        memberships = memberships.filter(workspace_id=only_workspace_id)
    membership = memberships.first()
    if membership is None:
        raise NotFound("Workspace not found.", code="workspace_not_found")
    membership.user = user  # the authenticated instance, not a second copy
    return access_from_membership(membership), membership.workspace


def access_from_ids(*, user_id: uuid.UUID, workspace_id: uuid.UUID) -> Access:
    """Rebuild an access in a task or a consumer; NotFound if the person has left since."""
    membership = (
        _memberships_with_projects()
        .filter(user_id=user_id, workspace_id=workspace_id, user__is_active=True)
        .first()
    )
    if membership is None:
        raise NotFound("Workspace not found.", code="workspace_not_found")
    return access_from_membership(membership)


def accesses_of_user(*, user_id: uuid.UUID) -> list[tuple[Access, Workspace]]:
    """Rebuild an active person's access to each workspace they belong to, with the workspace,
    in one query (for a task that speaks to them across workspaces, like the daily digest)."""
    memberships = _memberships_with_projects().filter(user_id=user_id, user__is_active=True)
    return [
        (access_from_membership(m), m.workspace)
        for m in memberships.order_by("workspace__name", "workspace_id")
    ]


def project_audience(*, workspace_id: uuid.UUID, project_id: uuid.UUID) -> set[uuid.UUID]:
    """Ids of the active users who may see a project (and so its issues): every non-guest member
    of the workspace, and the guests added to the project; nobody once the project or its
    workspace is deleted. The mirror of `can_see_project`."""
    live = Project.objects.filter(
        pk=project_id, deleted_at__isnull=True, workspace__deleted_at__isnull=True
    )
    return set(
        Membership.objects.using(db_routers.PRIMARY)
        .filter(workspace_id=workspace_id, user__is_active=True)
        .filter(Exists(live))
        .filter(
            ~Q(role=Role.GUEST) | Q(project_memberships__project_id=project_id, role=Role.GUEST)
        )
        .values_list("user_id", flat=True)
        .distinct()
    )
