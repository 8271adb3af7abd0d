"""Small output shapes that several apps' answers embed: a user, a project, a label.

Plain serializers over the fields they show, so that no app's API imports another's (each app
imports these from the shared edge instead).
"""

from rest_framework import serializers


class UserSummaryOutput(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    display_name = serializers.CharField(read_only=True)
    email = serializers.EmailField(read_only=True)


class ProjectRefOutput(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    key = serializers.CharField(read_only=True)
    name = serializers.CharField(read_only=True)


class LabelOutput(serializers.Serializer):
    id = serializers.UUIDField(read_only=True)
    name = serializers.CharField(read_only=True)
    color = serializers.CharField(read_only=True)
