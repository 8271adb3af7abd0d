"""Access: who is acting, in which workspace, with which role, seeing which projects.

One value, built once per request by the tenancy view base (or rebuilt from ids in a task or a
websocket consumer, see `docket.projects.access`), and passed to every service and selector. It
replaces the old pair of `membership` and `actor`, which nothing forced to agree: here the person
who is authorized is, by construction, the person whose events are recorded.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from docket.core.errors import NotFound, PermissionDenied
from docket.core.roles import ROLE_RANK, Role


@dataclass(frozen=True, slots=True)
class Access:
    user: Any  # the acting accounts.User (core sits below the apps, so it is not imported here)
    workspace_id: uuid.UUID
    membership_id: uuid.UUID
    role: Role
    # The projects of the workspace this caller may see; None means every one (non-guests).
    visible_project_ids: frozenset[uuid.UUID] | None
    # Projects of the workspace deleted and awaiting their purge: gone for everyone, whatever
    # the role. Few and short-lived, so they ride along rather than being joined everywhere.
    deleted_project_ids: frozenset[uuid.UUID] = frozenset()

    @property
    def user_id(self) -> uuid.UUID:
        return self.user.pk

    def at_least(self, minimum: Role) -> bool:
        return ROLE_RANK[self.role] >= ROLE_RANK[minimum]

    def ensure_role(self, minimum: Role, *, action: str) -> None:
        if not self.at_least(minimum):
            raise PermissionDenied(
                f"Only a workspace {minimum.label.lower()} or above may {action}.",
                code="insufficient_role",
            )

    def can_see_project(self, project_id: uuid.UUID) -> bool:
        if project_id in self.deleted_project_ids:
            return False
        return self.visible_project_ids is None or project_id in self.visible_project_ids

    def ensure_in_workspace(self, obj: Any) -> None:
        """Refuse an object of another tenant, with the answer a missing one gets: services
        are the last line, whatever a caller (view, task, seeder) handed them."""
        if obj.workspace_id != self.workspace_id:
            raise NotFound("Not found.", code="not_found")

    def ensure_can_see(self, project: Any) -> None:
        """`project` (anything with workspace_id and pk) belongs to this tenant and is visible."""
        self.ensure_in_workspace(project)
        if not self.can_see_project(project.pk):
            raise NotFound("Project not found.", code="project_not_found")


@dataclass(frozen=True, slots=True)
class TokenGrant:
    """What a request authenticated by a token may do (`request.auth`): act as its owner in one
    workspace, within `scopes` (docket.core.scopes). Declared here, below the apps, so the
    tenancy view base and the permission class recognise it without importing them."""

    token_id: uuid.UUID
    workspace_id: uuid.UUID
    scopes: frozenset[str]
    kind: str = "pat"  # or "oauth": an OAuth app's access token
