"""Small output shapes that several apps' answers embed: a user, a project, a label.

Plain serializers over the fields they show, so that no app's API imports another's (each app
imports these from the shared edge instead).
"""

from typing import Any

from rest_framework import serializers

from docket.core.visibility import member_emails_shown


class UserSummaryOutput(serializers.Serializer):
    """A person wherever an answer names one (assignee, reporter, author, lead, member, actor).
    The one place that decides whether their address is shown: only to a reader whose role may
    list the workspace's members, never to a guest."""

    id = serializers.UUIDField(read_only=True)
    display_name = serializers.CharField(read_only=True)
    email = serializers.EmailField(
        read_only=True,
        allow_null=True,
        help_text="null for a reader who may not list the workspace's members (a guest).",
    )

    def to_representation(self, instance: Any) -> dict[str, Any]:
        shown = super().to_representation(instance)
        if not member_emails_shown():
            shown["email"] = None
        return shown


class EventActorOutput(UserSummaryOutput):
    """Who made a change, in activity and the change feed (a person, shown as everywhere)."""


class ProjectRefOutput(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    key = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class LabelOutput(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    name = serializers.CharField(read_only=True)
    color = serializers.CharField(read_only=True)
