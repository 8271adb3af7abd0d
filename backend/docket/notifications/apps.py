from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    """Subscriptions to issues, and the in-app notifications the event log produces."""

    name = "docket.notifications"
    label = "notifications"
