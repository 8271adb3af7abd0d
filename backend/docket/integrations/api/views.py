from django.db.models import F
from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.api.views import WorkspaceAPIView
from docket.core.models import Event
from docket.core.pagination import FeedPagination
from docket.integrations.api.serializers import FeedEventOutput
from docket.integrations.selectors import event_feed


class EventFeedView(WorkspaceAPIView):
    queryset = Event.objects.none()
    pagination_class = FeedPagination
    # Commit order: the transaction that wrote each event, then the event's id.
    keyset_orderings = {"commit": F("txid")}
    default_ordering = "commit"

    @extend_schema(
        operation_id="events_feed",
        summary="The workspace's change feed, in commit order",
        description=(
            "Every change the caller may see, deletions included, oldest first. Keep the last "
            "`next_cursor` and call again to receive only what happened since: an event never "
            "appears behind a cursor already handed out, however late its transaction commits. "
            "An empty page with a null `next_cursor` means the caller is up to date; call again "
            "later with the last cursor it had."
        ),
        responses=FeedEventOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        return self.paginated(event_feed(access=self.access), FeedEventOutput)
