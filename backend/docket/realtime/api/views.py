from django.conf import settings
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from docket.http.auth import signed_in
from docket.http.views import APIView
from docket.realtime.api.serializers import RealtimeTicketOutput
from docket.realtime.routing import PATH
from docket.realtime.tickets import ticket_issue


class RealtimeTicketView(APIView):
    @extend_schema(
        operation_id="realtime_ticket_create",
        summary="A single-use ticket that opens one realtime socket (see docs/realtime.md)",
        request=None,
        responses={201: RealtimeTicketOutput},
    )
    def post(self, request: Request) -> Response:
        ticket = ticket_issue(user_id=signed_in(request).pk)
        body = {"ticket": ticket, "expires_in": settings.REALTIME_TICKET_SECONDS, "url": PATH}
        return Response(RealtimeTicketOutput(body).data, status=status.HTTP_201_CREATED)
