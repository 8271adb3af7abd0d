from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.errors import ValidationFailed
from docket.core.scopes import Scope, scopes_for
from docket.http.auth import signed_in
from docket.http.views import APIView, IssueAPIView, WorkspaceAPIView
from docket.notifications.api.serializers import (
    MarkedReadOutput,
    NotificationOutput,
    NotificationSettingsInput,
    NotificationSettingsOutput,
    SubscriptionInput,
    SubscriptionOutput,
    UnreadCountOutput,
)
from docket.notifications.models import Notification
from docket.notifications.selectors import (
    UNREAD_FIRST,
    notification_list,
    notification_preference_get,
    subscription_get,
    unread_count,
)
from docket.notifications.services import (
    notification_mark_read,
    notification_preference_set,
    notifications_mark_all_read,
    subscription_set,
)


class NotificationListView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.NOTIFICATIONS_READ)
    queryset = Notification.objects.none()
    keyset_orderings = {"unread_first": UNREAD_FIRST}
    default_ordering = "-unread_first"

    @extend_schema(
        operation_id="notifications_list",
        summary="The caller's notifications: unread first, newest first",
        parameters=[OpenApiParameter("unread", OpenApiTypes.BOOL, description="Only unread ones.")],
        responses=NotificationOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        raw = request.query_params.get("unread", "false").lower()
        if raw not in ("true", "false", "1", "0"):
            raise ValidationFailed.for_field("unread", "invalid", "Use true or false.")
        notifications = notification_list(access=self.access, unread_only=raw in ("true", "1"))
        return self.paginated(notifications, NotificationOutput)


class NotificationUnreadCountView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.NOTIFICATIONS_READ)

    @extend_schema(
        operation_id="notifications_unread_count",
        summary="How many of the caller's notifications are unread",
        responses=UnreadCountOutput,
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        return Response(UnreadCountOutput({"unread": unread_count(access=self.access)}).data)


class NotificationReadView(WorkspaceAPIView):
    token_scopes = scopes_for(write=Scope.NOTIFICATIONS_WRITE)

    @extend_schema(
        operation_id="notifications_mark_read",
        summary="Mark one notification read (idempotent)",
        # The id as the list returns it (an integer), not the URL pattern's digits as a string.
        parameters=[
            OpenApiParameter(
                "notification_id", OpenApiTypes.INT64, OpenApiParameter.PATH, description="Its id."
            )
        ],
        request=None,
        responses=NotificationOutput,
    )
    def post(self, request: Request, workspace_slug: str, notification_id: int) -> Response:
        notification = notification_mark_read(access=self.access, notification_id=notification_id)
        return Response(NotificationOutput(notification).data)


class NotificationReadAllView(WorkspaceAPIView):
    token_scopes = scopes_for(write=Scope.NOTIFICATIONS_WRITE)

    @extend_schema(
        operation_id="notifications_mark_all_read",
        summary="Mark every notification read",
        request=None,
        responses=MarkedReadOutput,
    )
    def post(self, request: Request, workspace_slug: str) -> Response:
        marked = notifications_mark_all_read(access=self.access)
        return Response(MarkedReadOutput({"marked": marked}).data)


class IssueSubscriptionView(IssueAPIView):
    token_scopes = scopes_for(read=Scope.NOTIFICATIONS_READ, write=Scope.NOTIFICATIONS_WRITE)
    shows_issue = False

    @extend_schema(
        operation_id="issues_subscription_get",
        summary="Whether the caller follows the issue",
        responses=SubscriptionOutput,
    )
    def get(self, request: Request, workspace_slug: str, issue_key: str) -> Response:
        subscribed = subscription_get(access=self.access, issue=self.issue)
        return Response(SubscriptionOutput({"subscribed": subscribed}).data)

    @extend_schema(
        operation_id="issues_subscription_set",
        summary="Follow or stop following the issue (anyone who can see it)",
        request=SubscriptionInput,
        responses=SubscriptionOutput,
    )
    def put(self, request: Request, workspace_slug: str, issue_key: str) -> Response:
        data = SubscriptionInput(data=request.data)
        data.is_valid(raise_exception=True)
        subscription = subscription_set(
            access=self.access, issue=self.issue, subscribed=data.validated_data["subscribed"]
        )
        return Response(SubscriptionOutput({"subscribed": subscription.subscribed}).data)


class NotificationSettingsView(APIView):
    @extend_schema(
        operation_id="me_notification_settings_get",
        summary="The signed-in user's notification settings",
        responses=NotificationSettingsOutput,
    )
    def get(self, request: Request) -> Response:
        preference = notification_preference_get(user=signed_in(request))
        return Response(NotificationSettingsOutput(preference).data)

    @extend_schema(
        operation_id="me_notification_settings_update",
        summary="Turn notification emails or the daily digest on or off (each field optional)",
        request=NotificationSettingsInput,
        responses=NotificationSettingsOutput,
    )
    def put(self, request: Request) -> Response:
        data = NotificationSettingsInput(data=request.data)
        data.is_valid(raise_exception=True)
        preference = notification_preference_set(user=signed_in(request), **data.validated_data)
        return Response(NotificationSettingsOutput(preference).data)
