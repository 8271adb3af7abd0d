from rest_framework import serializers

from docket.core.serializers import StrictSerializer
from docket.http.refs import UserSummaryOutput
from docket.notifications.models import Notification


class NotificationOutput(serializers.ModelSerializer):
    actor = UserSummaryOutput(allow_null=True)
    issue_key = serializers.CharField(help_text="The issue's key at the time, e.g. ENG-42.")
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = [
            "id",
            "reason",
            "actor",
            "issue_key",
            "issue_title",
            "event_id",
            "created_at",
            "read_at",
            "read",
        ]
        read_only_fields = fields

    def get_read(self, notification: Notification) -> bool:
        return notification.read_at is not None


class UnreadCountOutput(serializers.Serializer):
    unread = serializers.IntegerField()


class MarkedReadOutput(serializers.Serializer):
    marked = serializers.IntegerField(help_text="How many notifications were unread.")


class SubscriptionOutput(serializers.Serializer):
    subscribed = serializers.BooleanField()


class SubscriptionInput(StrictSerializer):
    subscribed = serializers.BooleanField()


class NotificationSettingsOutput(serializers.Serializer):
    email_enabled = serializers.BooleanField(
        help_text="Email notifications (every workspace); in-app ones always arrive."
    )
    digest_enabled = serializers.BooleanField(
        help_text="A daily email of the day's unread notifications (sent only when "
        "email_enabled is on too)."
    )


class NotificationSettingsInput(StrictSerializer):
    """Each setting may be given alone; one not given keeps its value."""

    email_enabled = serializers.BooleanField(required=False)
    digest_enabled = serializers.BooleanField(required=False)

    def validate(self, attrs):
        if not attrs:
            raise serializers.ValidationError(
                "Give email_enabled, digest_enabled or both.", code="empty"
            )
        return attrs
