import uuid

from django.db.models import F
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.models import Event
from docket.core.pagination import FeedPagination
from docket.core.scopes import Scope, scopes_for
from docket.http.conditional import LOCATION_HEADER
from docket.http.views import WorkspaceAPIView
from docket.integrations.api.serializers import (
    FeedEventOutput,
    WebhookDeliveryOutput,
    WebhookEndpointCreatedOutput,
    WebhookEndpointCreateInput,
    WebhookEndpointOutput,
    WebhookEndpointUpdateInput,
    WebhookSecretOutput,
)
from docket.integrations.models import WebhookDelivery, WebhookEndpoint
from docket.integrations.selectors import (
    event_feed,
    webhook_delivery_get,
    webhook_delivery_list,
    webhook_endpoint_get,
    webhook_endpoint_list,
)
from docket.integrations.services import (
    webhook_endpoint_create,
    webhook_endpoint_delete,
    webhook_endpoint_update,
    webhook_redeliver,
    webhook_secret_rotate,
)
from docket.issues.selectors import relation_ends_redacted
from docket.projects.selectors import project_get


class EventFeedView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.EVENTS_READ)
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
            "An empty page means the caller is up to date: its `next_cursor` is the cursor the "
            "caller sent (null only while the feed has never had an event for the caller); "
            "call again later with it. `cursor=now` starts at the head: no events, and the "
            "cursor to follow only what happens from now on. `project` keeps the events of one "
            "project (by key); cursors are the same with or without it."
        ),
        parameters=[
            OpenApiParameter(
                "project",
                type=str,
                required=False,
                description="A project key (`ENG`): only that project's events.",
            )
        ],
        responses=FeedEventOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        events = event_feed(access=self.access)
        project_key = request.query_params.get("project")
        if project_key is not None:
            events = events.filter(project_id=project_get(access=self.access, key=project_key).pk)
        page = self.paginate_queryset(events) or []
        shown = relation_ends_redacted(access=self.access, events=page)
        return self.get_paginated_response(FeedEventOutput(shown, many=True).data)


NO_CONTENT = {204: OpenApiResponse(description="Done; no body.")}


def _secret_shown_once(payload: dict, code: int = status.HTTP_201_CREATED) -> Response:
    response = Response(payload, status=code)
    response["Cache-Control"] = "no-store"  # holds a secret, shown once
    return response


class WebhookEndpointListCreateView(WorkspaceAPIView):
    """The workspace's webhook endpoints (admins and owners)."""

    token_scopes = scopes_for(read=Scope.WEBHOOKS_ADMIN, write=Scope.WEBHOOKS_ADMIN)
    queryset = WebhookEndpoint.objects.none()
    keyset_orderings = {"created": F("created_at")}
    default_ordering = "-created"

    @extend_schema(
        operation_id="webhooks_list",
        summary="Webhook endpoints of the workspace (admins)",
        responses=WebhookEndpointOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        return self.paginated(webhook_endpoint_list(access=self.access), WebhookEndpointOutput)

    @extend_schema(
        operation_id="webhooks_create",
        summary="Register a webhook endpoint (admins); its signing secret is shown once",
        request=WebhookEndpointCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: WebhookEndpointCreatedOutput},
    )
    def post(self, request: Request, workspace_slug: str) -> Response:
        data = WebhookEndpointCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        endpoint, secret = webhook_endpoint_create(access=self.access, **data.validated_data)
        endpoint.secret = secret
        response = _secret_shown_once(WebhookEndpointCreatedOutput(endpoint).data)
        response["Location"] = reverse(
            "webhook", kwargs={"workspace_slug": workspace_slug, "endpoint_id": endpoint.pk}
        )
        return response


class WebhookEndpointDetailView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.WEBHOOKS_ADMIN, write=Scope.WEBHOOKS_ADMIN)

    @extend_schema(
        operation_id="webhooks_get",
        summary="One webhook endpoint (admins)",
        responses=WebhookEndpointOutput,
    )
    def get(self, request: Request, workspace_slug: str, endpoint_id: uuid.UUID) -> Response:
        endpoint = webhook_endpoint_get(access=self.access, endpoint_id=endpoint_id)
        return Response(WebhookEndpointOutput(endpoint).data)

    @extend_schema(
        operation_id="webhooks_update",
        summary="Change a webhook endpoint, or turn it off or on again (admins)",
        request=WebhookEndpointUpdateInput,
        responses=WebhookEndpointOutput,
    )
    def patch(self, request: Request, workspace_slug: str, endpoint_id: uuid.UUID) -> Response:
        data = WebhookEndpointUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        endpoint = webhook_endpoint_get(access=self.access, endpoint_id=endpoint_id)
        endpoint = webhook_endpoint_update(
            access=self.access, endpoint=endpoint, **data.validated_data
        )
        return Response(WebhookEndpointOutput(endpoint).data)

    @extend_schema(
        operation_id="webhooks_delete",
        summary="Delete a webhook endpoint and its delivery log (admins)",
        responses=NO_CONTENT,
    )
    def delete(self, request: Request, workspace_slug: str, endpoint_id: uuid.UUID) -> Response:
        endpoint = webhook_endpoint_get(access=self.access, endpoint_id=endpoint_id)
        webhook_endpoint_delete(access=self.access, endpoint=endpoint)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookSecretRotateView(WorkspaceAPIView):
    token_scopes = scopes_for(write=Scope.WEBHOOKS_ADMIN)

    @extend_schema(
        operation_id="webhooks_rotate_secret",
        summary="Give an endpoint a new signing secret (admins); the old one signs for 24 h more",
        request=None,
        responses={200: WebhookSecretOutput},
    )
    def post(self, request: Request, workspace_slug: str, endpoint_id: uuid.UUID) -> Response:
        endpoint = webhook_endpoint_get(access=self.access, endpoint_id=endpoint_id)
        secret = webhook_secret_rotate(access=self.access, endpoint=endpoint)
        return _secret_shown_once(
            WebhookSecretOutput(
                {
                    "secret": secret,
                    "previous_secret_expires_at": endpoint.previous_secret_expires_at,
                }
            ).data,
            code=status.HTTP_200_OK,
        )


class WebhookDeliveryListView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.WEBHOOKS_ADMIN)
    queryset = WebhookDelivery.objects.none()
    keyset_orderings = {"created": F("created_at")}
    default_ordering = "-created"

    @extend_schema(
        operation_id="webhooks_deliveries",
        summary="An endpoint's delivery log, newest first, with every attempt (admins)",
        responses=WebhookDeliveryOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str, endpoint_id: uuid.UUID) -> Response:
        endpoint = webhook_endpoint_get(access=self.access, endpoint_id=endpoint_id)
        deliveries = webhook_delivery_list(access=self.access, endpoint=endpoint)
        return self.paginated(deliveries, WebhookDeliveryOutput)


class WebhookRedeliverView(WorkspaceAPIView):
    token_scopes = scopes_for(write=Scope.WEBHOOKS_ADMIN)

    @extend_schema(
        operation_id="webhooks_redeliver",
        summary="Send a delivery again now, with the same webhook-id (admins)",
        request=None,
        responses={202: WebhookDeliveryOutput},
    )
    def post(
        self,
        request: Request,
        workspace_slug: str,
        endpoint_id: uuid.UUID,
        delivery_id: uuid.UUID,
    ) -> Response:
        endpoint = webhook_endpoint_get(access=self.access, endpoint_id=endpoint_id)
        delivery = webhook_delivery_get(
            access=self.access, endpoint=endpoint, delivery_id=delivery_id
        )
        delivery = webhook_redeliver(access=self.access, delivery=delivery)
        return Response(WebhookDeliveryOutput(delivery).data, status=status.HTTP_202_ACCEPTED)
