from rest_framework import serializers

from docket.core.api.refs import UserSummaryOutput
from docket.core.models import Event


class FeedEventOutput(serializers.ModelSerializer):
    """One event of the change feed. `changes` has the shape of the event's name (see
    `EventName` and the `<Name>Changes` components)."""

    actor = UserSummaryOutput(allow_null=True)
    changes = serializers.DictField(child=serializers.JSONField())

    class Meta:
        model = Event
        fields = [
            "id",
            "name",
            "actor",
            "project_id",
            "subject_type",
            "subject_id",
            "subject_label",
            "changes",
            "created_at",
        ]
        read_only_fields = fields
