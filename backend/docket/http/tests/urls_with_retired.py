"""The API's URLconf plus a retired test-only operation (no real operation is retired yet)."""

from django.urls import path
from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from docket.http.retirement import retired
from docket.http.urls import urlpatterns as api_urlpatterns
from docket.http.views import APIView


class RetiredPingView(APIView):
    permission_classes = [AllowAny]
    authentication_classes: list = []

    @extend_schema(operation_id="test_retired_ping", responses={200: None})
    @retired(since="2026-12-01", sunset="2027-06-30", successor="/api/v1/pong")
    def get(self, request: Request) -> Response:
        return Response({"pong": True})

    @extend_schema(operation_id="test_live_ping", request=None, responses={200: None})
    def post(self, request: Request) -> Response:
        return Response({"pong": True})


retired_patterns = [path("api/v1/test/ping", RetiredPingView.as_view(), name="test-ping")]
urlpatterns = retired_patterns + api_urlpatterns
