"""Token scopes: what a personal access token (or, later, an OAuth access token) may do.

One catalogue, shared by every kind of token. Each view declares, once, the scope each of its
methods needs (`token_scopes = scopes_for(read=..., write=...)`); the default permission class
(docket.core.authentication.Authenticated) enforces it and the schema publishes it as the
operation's security requirement. A token never reaches further than its owner: a scope only
narrows what the owner's role already allows.

Webhook management has a scope of its own, held by no other: an endpoint receives every event
of the workspace, so a token that writes issues (a CI bot's) must not be able to register one.
"""

from collections.abc import Iterable, Mapping

from django.db import models


class Scope(models.TextChoices):
    WORKSPACE_READ = "workspace:read", "Read the workspace and who the token's owner is"
    WORKSPACE_ADMIN = "workspace:admin", "Rename or delete the workspace"
    MEMBERS_READ = "members:read", "List workspace and project members"
    MEMBERS_ADMIN = "members:admin", "Change roles, remove members, manage invitations"
    PROJECTS_READ = "projects:read", "Read projects, their states and labels"
    PROJECTS_ADMIN = "projects:admin", "Create, change, archive and delete projects, states, labels"
    ISSUES_READ = "issues:read", "Read issues, comments, relations, activity and insights"
    ISSUES_WRITE = "issues:write", "Create, change, move and delete issues"
    COMMENTS_WRITE = "comments:write", "Write, edit and delete comments"
    NOTIFICATIONS_READ = "notifications:read", "Read the owner's notifications and subscriptions"
    NOTIFICATIONS_WRITE = "notifications:write", "Mark notifications read, (un)subscribe"
    EVENTS_READ = "events:read", "Read the change feed and open a realtime socket"
    WEBHOOKS_ADMIN = "webhooks:admin", "Register, change and delete webhook endpoints"


ALL_SCOPES: frozenset[str] = frozenset(Scope.values)
READ_SCOPES: frozenset[str] = frozenset(s for s in Scope.values if s.endswith(":read"))

# The two scopes of the first personal access tokens, as sets of today's scopes. `write` keeps
# everything it could do (webhooks included): a token already handed out keeps working as it
# did; owners narrow it by issuing a new one.
LEGACY_SCOPES: Mapping[str, frozenset[str]] = {"read": READ_SCOPES, "write": ALL_SCOPES}

_READ_METHODS = ("GET", "HEAD")
_WRITE_METHODS = ("POST", "PUT", "PATCH", "DELETE")


def scopes_for(*, read: Scope | None = None, write: Scope | None = None) -> dict[str, Scope]:
    """A view's `token_scopes`: the scope its safe methods need (`read`) and the one its unsafe
    methods need (`write`). A method left out is refused to every token (`session_required`).
    OPTIONS describes the view, so it needs what reading it needs (or writing, where it has
    no read)."""
    declared: dict[str, Scope] = {}
    if read is not None:
        declared |= dict.fromkeys(_READ_METHODS, read)
    if write is not None:
        declared |= dict.fromkeys(_WRITE_METHODS, write)
    options = read or write
    if options is not None:
        declared["OPTIONS"] = options
    return declared


def legacy_scope_of(scopes: Iterable[str]) -> str:
    """The two-scope value stored beside `scopes` for the previous release (which reads only
    that column) while both run: `write` only for a token that holds everything `write` means,
    so the old code never lets a narrower token do more; any other token reads there."""
    return "write" if set(scopes) >= ALL_SCOPES else "read"


def stored_scopes(scopes: Iterable[str], legacy: str) -> frozenset[str]:
    """What a stored token may do: its `scopes`, or for a row the previous release wrote while
    both ran (no `scopes` yet), what its two-scope value meant."""
    held = frozenset(scopes)
    return held if held else LEGACY_SCOPES.get(legacy, frozenset())
