from django.urls import path

from docket.notifications.api import views

workspace = "workspaces/<slug:workspace_slug>"

urlpatterns = [
    path(
        "me/notification-settings",
        views.NotificationSettingsView.as_view(),
        name="notification-settings",
    ),
    path(
        f"{workspace}/notifications",
        views.NotificationListView.as_view(),
        name="notifications",
    ),
    path(
        f"{workspace}/notifications/unread-count",
        views.NotificationUnreadCountView.as_view(),
        name="notifications-unread-count",
    ),
    path(
        f"{workspace}/notifications/read-all",
        views.NotificationReadAllView.as_view(),
        name="notifications-read-all",
    ),
    path(
        f"{workspace}/notifications/<big_id:notification_id>/read",
        views.NotificationReadView.as_view(),
        name="notification-read",
    ),
    path(
        f"{workspace}/issues/<issue_key:issue_key>/subscription",
        views.IssueSubscriptionView.as_view(),
        name="issue-subscription",
    ),
]
