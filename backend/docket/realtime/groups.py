"""Channel-layer group names. Groups are internal: clients name topics (`workspace:<slug>`,
`project:<slug>/<KEY>`), the consumer maps them to these after checking access."""

from __future__ import annotations

import uuid

from docket.core.user_sockets import user_group as core_user_group


def workspace_group(workspace_id: uuid.UUID) -> str:
    """Workspace-level events (projects, states, labels, members, invitations)."""
    return f"workspace.{workspace_id.hex}"


def project_group(project_id: uuid.UUID) -> str:
    """Every event of one project (its issues and comments included)."""
    return f"project.{project_id.hex}"


def access_group(workspace_id: uuid.UUID) -> str:
    """Every socket with any topic in the workspace: told to re-check access when it changes."""
    return f"access.{workspace_id.hex}"


# Every socket of one person: defined below the apps, where accounts can reach it.
user_group = core_user_group
