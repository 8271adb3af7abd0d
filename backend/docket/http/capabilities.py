"""What the caller may do, written into the representations as `capabilities`.

A workspace, a project, an issue, a comment and a member each carry an object of booleans named
for actions (`WorkspaceCapabilities`, `ProjectCapabilities`, ...), so that a client shows only
the controls the API will accept. Each capability is the very rule the endpoint's service runs
(the `ensure_*` functions of the apps' permissions modules), asked instead of enforced: the two
cannot drift apart. A token (personal or OAuth) holds a capability only with the scope the
endpoint declares for it (docket.core.scopes), the check the permission class makes.

They say what the caller's role and credentials allow. A change can still be refused for the
state of things (409: an archived project, the last owner, a stale If-Match).

Computed in Python from what the representation already loaded (the role, the project's lead,
the comment's author): no query. An issue's capabilities depend on the caller alone, so the
issue lists rendered by the database bind them once per statement (docket.issues.listing).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from docket.core.access import Access, TokenGrant
from docket.core.errors import PermissionDenied
from docket.core.roles import Role
from docket.core.scopes import Scope
from docket.integrations.permissions import ensure_can_manage_webhooks
from docket.issues.permissions import ensure_can_delete_comment, ensure_can_edit_comment
from docket.projects.permissions import (
    ensure_can_contribute,
    ensure_can_delete_project,
    ensure_can_manage_project,
)
from docket.workspaces.permissions import (
    ensure_can_change_workspace,
    ensure_can_delete_workspace,
    ensure_can_invite,
    ensure_can_manage_member,
    ensure_can_manage_members,
    ensure_can_remove_member,
)

# A rule raises PermissionDenied where the caller may not; `subject` is the represented object.
Rule = Callable[[Access, Any], object]


@dataclass(frozen=True)
class Capability:
    name: str
    description: str
    rule: Rule
    scope: Scope  # what a token needs for the endpoint behind it (its view's token_scopes)


def _contribute(action: str) -> Rule:
    return lambda access, subject: ensure_can_contribute(access, action=action)


def _anyone_who_sees(access: Access, subject: Any) -> None:
    """Granted to whoever sees the subject (its selector already checked that)."""


def _allowed(rule: Rule, access: Access, subject: Any) -> bool:
    try:
        rule(access, subject)
    except PermissionDenied:
        return False
    return True


class CapabilitySet:
    """The capabilities of one kind of object: a named schema component and its computation."""

    def __init__(self, component: str, *capabilities: Capability) -> None:
        self.component = component
        self.capabilities = capabilities
        self.serializer: type[serializers.Serializer] = type(
            component,
            (serializers.Serializer,),
            {
                c.name: serializers.BooleanField(read_only=True, help_text=c.description)
                for c in capabilities
            },
        )
        # A subclass each: the schema annotation is a class attribute.
        self.field_class = extend_schema_field(self.serializer)(
            type(f"{component}Field", (CapabilitiesField,), {})
        )

    def of(
        self, access: Access, subject: Any, *, token_scopes: frozenset[str] | None
    ) -> dict[str, bool]:
        """`token_scopes`: those of the caller's token; None for a session (no scope limit)."""
        return {
            c.name: (token_scopes is None or c.scope.value in token_scopes)
            and _allowed(c.rule, access, subject)
            for c in self.capabilities
        }

    def field(self, **kwargs: Any) -> serializers.Field:
        """The output serializers' `capabilities` field, for a serializer given the view's
        context (`get_serializer_context()`)."""
        return self.field_class(self, **kwargs)


def caller_of(context: Mapping[str, Any]) -> tuple[Access | None, frozenset[str] | None]:
    """The caller's access (None outside a workspace's endpoints) and its token's scopes (None
    for a session), from a serializer's context. A missing context is a programming error."""
    try:
        view, request = context["view"], context["request"]
    except KeyError:
        raise RuntimeError("Capabilities need the view's serializer context.") from None
    grant = request.auth
    scopes = frozenset(grant.scopes) if isinstance(grant, TokenGrant) else None
    return getattr(view, "access", None), scopes


class CapabilitiesField(serializers.Field):
    def __init__(
        self,
        capabilities: CapabilitySet,
        *,
        access_for: Callable[[Any, Any], Access] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.update(source="*", read_only=True)
        super().__init__(**kwargs)
        self.capabilities = capabilities
        self.access_for = access_for

    def to_representation(self, value: Any) -> dict[str, bool]:
        access, token_scopes = caller_of(self.context)
        if self.access_for is not None:
            access = self.access_for(value, self.context["request"].user)
        if access is None:
            raise RuntimeError(f"{self.capabilities.component} need the caller's access.")
        return self.capabilities.of(access, value, token_scopes=token_scopes)


def workspace_access(workspace: Any, user: Any) -> Access:
    """The caller's access to a workspace annotated with their `role` (the workspace list has no
    access of its own, one per workspace). The workspace rules read the role alone."""
    return Access(
        user=user,
        workspace_id=workspace.pk,
        membership_id=uuid.UUID(int=0),  # read by no workspace rule
        role=Role(workspace.role),
        visible_project_ids=frozenset(),
    )


WORKSPACE = CapabilitySet(
    "WorkspaceCapabilities",
    Capability(
        "edit",
        "Rename the workspace or change its slug.",
        lambda a, s: ensure_can_change_workspace(a),
        scope=Scope.WORKSPACE_ADMIN,
    ),
    Capability(
        "delete",
        "Delete the workspace.",
        lambda a, s: ensure_can_delete_workspace(a),
        scope=Scope.WORKSPACE_ADMIN,
    ),
    Capability(
        "invite_members",
        "Invite people, see and revoke open invitations.",
        lambda a, s: ensure_can_invite(a),
        scope=Scope.MEMBERS_ADMIN,
    ),
    Capability(
        "manage_members",
        "Change members' roles and remove them (see each member's own capabilities).",
        lambda a, s: ensure_can_manage_members(a),
        scope=Scope.MEMBERS_ADMIN,
    ),
    Capability(
        "create_project",
        "Create a project.",
        _contribute("create projects"),
        scope=Scope.PROJECTS_ADMIN,
    ),
    Capability(
        "manage_webhooks",
        "See and change the webhook endpoints and their deliveries.",
        lambda a, s: ensure_can_manage_webhooks(a),
        scope=Scope.WEBHOOKS_ADMIN,
    ),
)

PROJECT = CapabilitySet(
    "ProjectCapabilities",
    Capability(
        "edit",
        "Change the project's name, description or lead.",
        ensure_can_manage_project,
        scope=Scope.PROJECTS_ADMIN,
    ),
    Capability(
        "archive",
        "Archive or unarchive the project.",
        ensure_can_manage_project,
        scope=Scope.PROJECTS_ADMIN,
    ),
    Capability(
        "delete",
        "Delete the project with its issues.",
        ensure_can_delete_project,
        scope=Scope.PROJECTS_ADMIN,
    ),
    Capability(
        "manage_members",
        "Add and remove project members.",
        ensure_can_manage_project,
        scope=Scope.PROJECTS_ADMIN,
    ),
    Capability(
        "manage_states",
        "Create, edit, reorder and delete states.",
        ensure_can_manage_project,
        scope=Scope.PROJECTS_ADMIN,
    ),
    Capability(
        "manage_labels",
        "Create, edit and delete labels.",
        _contribute("edit labels"),
        scope=Scope.PROJECTS_ADMIN,
    ),
    Capability(
        "create_issue",
        "Create issues in the project.",
        _contribute("create issues"),
        scope=Scope.ISSUES_WRITE,
    ),
)

ISSUE = CapabilitySet(
    "IssueCapabilities",
    Capability(
        "edit", "Change the issue's fields.", _contribute("edit issues"), scope=Scope.ISSUES_WRITE
    ),
    Capability(
        "move",
        "Move it on the board (state and place).",
        _contribute("move issues"),
        scope=Scope.ISSUES_WRITE,
    ),
    Capability(
        "delete", "Delete the issue.", _contribute("delete issues"), scope=Scope.ISSUES_WRITE
    ),
    Capability(
        "link",
        "Add and remove relations to other issues.",
        _contribute("relate issues"),
        scope=Scope.ISSUES_WRITE,
    ),
    Capability("comment", "Comment on the issue.", _anyone_who_sees, scope=Scope.COMMENTS_WRITE),
)

COMMENT = CapabilitySet(
    "CommentCapabilities",
    Capability(
        "edit",
        "Edit the comment (its author only).",
        ensure_can_edit_comment,
        scope=Scope.COMMENTS_WRITE,
    ),
    Capability(
        "delete",
        "Delete the comment (its author, or an admin).",
        ensure_can_delete_comment,
        scope=Scope.COMMENTS_WRITE,
    ),
)

MEMBER = CapabilitySet(
    "MemberCapabilities",
    Capability(
        "change_role",
        "Change this member's role (to a role no higher than the caller's own).",
        lambda a, s: ensure_can_manage_member(a, s, new_role=None),
        scope=Scope.MEMBERS_ADMIN,
    ),
    Capability(
        "remove",
        "Remove this member (or leave, for oneself).",
        ensure_can_remove_member,
        scope=Scope.MEMBERS_ADMIN,
    ),
)


def issue_capabilities(view: Any) -> dict[str, bool]:
    """What the caller of `view` may do to any issue it can see (the same for every issue)."""
    access, token_scopes = caller_of(view.get_serializer_context())
    if access is None:
        raise RuntimeError("Issue capabilities are asked of a workspace's endpoint.")
    return ISSUE.of(access, None, token_scopes=token_scopes)
