"""Small output shapes that several apps' answers embed: a user, a project, a label.

Plain serializers over the fields they show, so that no app's API imports another's (each app
imports these from the shared edge instead).
"""

from typing import Any

from rest_framework import serializers


class UserSummaryOutput(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    display_name = serializers.CharField(read_only=True)
    email = serializers.EmailField(read_only=True)


class EventActorOutput(serializers.Serializer):
    """Who made a change, in activity and the change feed. The address only for a reader whose
    role lists the workspace's members (`show_member_emails` in the context; off if absent)."""

    id = serializers.UUIDField(read_only=True)
    display_name = serializers.CharField(read_only=True)
    email = serializers.EmailField(
        read_only=True,
        allow_null=True,
        help_text="null for a reader who may not list the workspace's members (a guest).",
    )

    def to_representation(self, instance: Any) -> dict[str, Any]:
        shown = super().to_representation(instance)
        if not self.context.get("show_member_emails", False):
            shown["email"] = None
        return shown


class ProjectRefOutput(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    key = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class LabelOutput(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    name = serializers.CharField(read_only=True)
    color = serializers.CharField(read_only=True)
