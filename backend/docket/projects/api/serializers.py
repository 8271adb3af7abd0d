from rest_framework import serializers

from docket.core.keys import PROJECT_KEY_PATTERN
from docket.core.serializers import StrictSerializer
from docket.http import capabilities
from docket.http.refs import UserSummaryOutput
from docket.projects.models import (
    COLOR_PATTERN,
    Project,
    ProjectMember,
    State,
    StateCategory,
)


class ColorField(serializers.RegexField):
    def __init__(self, **kwargs):
        super().__init__(
            COLOR_PATTERN,
            max_length=7,
            error_messages={"invalid": "Use a hex color such as #3b82f6."},
            help_text="Hex color, `#rrggbb`.",
            **kwargs,
        )


class ProjectCreateInput(StrictSerializer):
    key = serializers.RegexField(
        PROJECT_KEY_PATTERN,
        help_text="2-10 upper-case letters; prefixes issue keys (ENG-42). Cannot change.",
        error_messages={"invalid": "Use 2 to 10 upper-case letters, such as ENG."},
    )
    name = serializers.CharField(max_length=100)
    description = serializers.CharField(max_length=10_000, allow_blank=True, default="")
    lead_id = serializers.UUIDField(allow_null=True, default=None)


class ProjectUpdateInput(StrictSerializer):
    name = serializers.CharField(max_length=100, required=False)
    description = serializers.CharField(max_length=10_000, allow_blank=True, required=False)
    lead_id = serializers.UUIDField(allow_null=True, required=False)


class ProjectOutput(serializers.ModelSerializer):
    lead = UserSummaryOutput(allow_null=True)
    capabilities = capabilities.PROJECT.field(help_text="What the caller may do to the project.")

    class Meta:
        model = Project
        fields = [
            "id",
            "key",
            "name",
            "description",
            "lead",
            "archived_at",
            "capabilities",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class ProjectMemberAddInput(StrictSerializer):
    user_id = serializers.UUIDField()


class ProjectMemberOutput(serializers.ModelSerializer):
    user = UserSummaryOutput(source="membership.user")
    role = serializers.CharField(source="membership.role", help_text="Workspace role.")
    added_at = serializers.DateTimeField(source="created_at")

    class Meta:
        model = ProjectMember
        fields = ["user", "role", "added_at"]
        read_only_fields = fields


class StateCreateInput(StrictSerializer):
    name = serializers.CharField(max_length=50)
    category = serializers.ChoiceField(choices=StateCategory.choices)
    color = ColorField()


class StateUpdateInput(StrictSerializer):
    name = serializers.CharField(max_length=50, required=False)
    category = serializers.ChoiceField(choices=StateCategory.choices, required=False)
    color = ColorField(required=False)


class StateReorderInput(StrictSerializer):
    state_ids = serializers.ListField(
        child=serializers.UUIDField(), max_length=100, help_text="Every state, in the new order."
    )


class StateOutput(serializers.ModelSerializer):
    class Meta:
        model = State
        fields = ["id", "name", "category", "color", "position"]
        read_only_fields = fields


class LabelCreateInput(StrictSerializer):
    name = serializers.CharField(max_length=50)
    color = ColorField()


class LabelUpdateInput(StrictSerializer):
    name = serializers.CharField(max_length=50, required=False)
    color = ColorField(required=False)
