"""The change feed: a workspace's events in commit-safe order, filtered to what the caller sees."""

from django.db.models import Q, QuerySet

from docket.core.access import Access
from docket.core.models import CommittedHorizon, Event
from docket.core.roles import Role
from docket.core.visibility import ADMINS_ONLY, WORKSPACE_WIDE


def event_feed(*, access: Access) -> QuerySet[Event]:
    """Committed events of the caller's workspace that the caller may see: those of visible
        projects (deletions included), and workspace-level ones by role. Only events below the
        commit horizon are returned, so a page never moves past an event still to commit. The same
    rule as `can_see_event`, in SQL."""
    events = Event.objects.filter(workspace_id=access.workspace_id, txid__lt=CommittedHorizon())
    if access.visible_project_ids is not None:
        # Guests: their projects, and news about the workspace itself.
        events = events.filter(
            Q(project_id__in=access.visible_project_ids) | Q(name__in=WORKSPACE_WIDE)
        )
    elif not access.at_least(Role.ADMIN):
        events = events.exclude(name__in=ADMINS_ONLY)
    return events.select_related("actor")
