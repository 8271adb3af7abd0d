"""Which events of a workspace a member may know of: one rule, read by every reader of the log.

The rule is data (`EventVisibility`), built from the audience each event type declares and
the caller's `Access`; the change feed renders it as SQL (`as_q`), realtime applies it in
memory (`allows`), and a test holds the two to the same answer for every type and role:
guests see their projects' events and news about the workspace; members everything but
invitations; admins and owners all.
"""

from __future__ import annotations

import contextvars
import uuid
from dataclasses import dataclass

from django.db.models import Q

from docket.core.access import Access
from docket.core.events import Audience, registered_event_types
from docket.core.roles import Role


def _names(*audiences: Audience) -> frozenset[str]:
    return frozenset(kind.name for kind in registered_event_types() if kind.audience in audiences)


@dataclass(frozen=True)
class EventVisibility:
    # The projects whose events are visible; None: every project's, and those of none.
    project_ids: frozenset[uuid.UUID] | None
    # Event types visible whatever project they belong to (news about the workspace).
    whatever_project: frozenset[str]
    # Event types never visible to this caller.
    hidden: frozenset[str]

    def allows(self, *, name: str, project_id: uuid.UUID | None) -> bool:
        if name in self.hidden:
            return False
        return (
            self.project_ids is None
            or name in self.whatever_project
            or (project_id is not None and project_id in self.project_ids)
        )

    def as_q(self) -> Q:
        """The same rule as a filter on `Event` rows."""
        visible = ~Q(name__in=self.hidden) if self.hidden else Q()
        if self.project_ids is not None:
            visible &= Q(project_id__in=self.project_ids) | Q(name__in=self.whatever_project)
        return visible


def event_visibility(access: Access) -> EventVisibility:
    if access.visible_project_ids is not None:
        # Guests: their projects, and news about the workspace itself.
        return EventVisibility(
            project_ids=access.visible_project_ids,
            whatever_project=_names(Audience.WORKSPACE),
            hidden=frozenset(),
        )
    hidden = frozenset() if access.at_least(Role.ADMIN) else _names(Audience.ADMINS)
    return EventVisibility(project_ids=None, whatever_project=frozenset(), hidden=hidden)


def can_see_event(access: Access, *, name: str, project_id: uuid.UUID | None) -> bool:
    """The in-memory form of the change feed's filter (`event_feed`)."""
    return event_visibility(access).allows(name=name, project_id=project_id)


# --- Whom a person's e-mail address is shown to ------------------------------------------------

# Whether the reader of this answer may learn other people's e-mail addresses: decided once per
# request by the tenancy view base, from the caller's role (the roles that may list the
# workspace's members, `can_see_member_emails`), and read by every representation of a person
# (the serializers' and the one PostgreSQL renders). Hidden unless a view base said otherwise.
_member_emails_shown: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "docket_member_emails_shown", default=False
)


def member_emails_shown() -> bool:
    return _member_emails_shown.get()


def show_member_emails(shown: bool) -> contextvars.Token[bool]:
    """Decide for the rest of this request; pair with `forget_member_emails(token)`."""
    return _member_emails_shown.set(shown)


def forget_member_emails(token: contextvars.Token[bool]) -> None:
    _member_emails_shown.reset(token)
