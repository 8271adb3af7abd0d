from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.access import TokenGrant
from docket.core.errors import PermissionDenied
from docket.core.scopes import Scope, scopes_for
from docket.http.auth import signed_in
from docket.http.views import APIView
from docket.realtime.api.serializers import RealtimeTicketOutput
from docket.realtime.routing import PATH
from docket.realtime.tickets import ticket_issue


class RealtimeTicketView(APIView):
    """A session's ticket opens a socket that may subscribe to any of the person's workspaces;
    a token's (scope `events:read`) one that may subscribe to the token's workspace only."""

    # A POST that only reads: it needs the scope of the change feed.
    token_scopes = scopes_for(write=Scope.EVENTS_READ)

    @extend_schema(
        operation_id="realtime_ticket_create",
        summary="A single-use ticket that opens one realtime socket (see docs/realtime.md)",
        request=None,
        responses={201: RealtimeTicketOutput},
    )
    def post(self, request: Request) -> Response:
        grant = request.auth if isinstance(request.auth, TokenGrant) else None
        if grant is not None and grant.kind != "pat":
            raise PermissionDenied(
                "OAuth tokens cannot open a socket yet; use a personal access token.",
                code="session_required",
            )
        ticket = ticket_issue(
            user_id=signed_in(request).pk,
            token_id=grant.token_id if grant else None,
            workspace_id=grant.workspace_id if grant else None,
        )
        body = {"ticket": ticket, "expires_in": settings.REALTIME_TICKET_SECONDS, "url": PATH}
        return Response(RealtimeTicketOutput(body).data, status=status.HTTP_201_CREATED)
