from typing import Any

from rest_framework import serializers

from docket.core.scopes import LEGACY_SCOPES, Scope
from docket.core.serializers import StrictSerializer
from docket.http import capabilities
from docket.http.refs import UserSummaryOutput
from docket.workspaces.models import (
    Invitation,
    Membership,
    PersonalAccessToken,
    Role,
    TokenScope,
    Workspace,
)


class WorkspaceCreateInput(StrictSerializer):
    slug = serializers.CharField(max_length=40, help_text="URL name: a-z, 0-9 and hyphens.")
    name = serializers.CharField(max_length=100)


class WorkspaceUpdateInput(StrictSerializer):
    slug = serializers.CharField(max_length=40, required=False)
    name = serializers.CharField(max_length=100, required=False)


class WorkspaceOutput(serializers.ModelSerializer):
    role = serializers.ChoiceField(choices=Role.choices, help_text="The caller's role.")
    capabilities = capabilities.WORKSPACE.field(
        access_for=capabilities.workspace_access, help_text="What the caller may do here."
    )

    class Meta:
        model = Workspace
        fields = ["id", "slug", "name", "role", "capabilities", "created_at", "updated_at"]
        read_only_fields = fields


class MemberOutput(serializers.ModelSerializer):
    user = UserSummaryOutput()
    joined_at = serializers.DateTimeField(source="created_at")

    capabilities = capabilities.MEMBER.field(help_text="What the caller may do to this member.")

    class Meta:
        model = Membership
        fields = ["user", "role", "joined_at", "capabilities"]
        read_only_fields = fields


class MemberRoleUpdateInput(StrictSerializer):
    role = serializers.ChoiceField(choices=Role.choices)


class InvitationCreateInput(StrictSerializer):
    email = serializers.EmailField(max_length=254)
    role = serializers.ChoiceField(choices=Role.choices, default=Role.MEMBER)


class InvitationOutput(serializers.ModelSerializer):
    invited_by = UserSummaryOutput(allow_null=True)

    class Meta:
        model = Invitation
        fields = ["id", "email", "role", "invited_by", "created_at", "expires_at"]
        read_only_fields = fields


class InvitationCreatedOutput(InvitationOutput):
    token = serializers.CharField(
        help_text="Shown once. The invitee accepts with it (POST /invitations/accept)."
    )

    class Meta(InvitationOutput.Meta):
        fields = [*InvitationOutput.Meta.fields, "token"]
        read_only_fields = fields


class InvitationAcceptInput(StrictSerializer):
    token = serializers.CharField(max_length=128)


class PersonalTokenCreateInput(StrictSerializer):
    name = serializers.CharField(max_length=100, help_text="What the token is for, e.g. `CI bot`.")
    workspace = serializers.SlugField(
        max_length=40, help_text="Slug of the one workspace the token may act in."
    )
    scopes = serializers.ListField(
        child=serializers.ChoiceField(choices=Scope.choices),
        min_length=1,
        required=False,
        help_text="What the token may do (see the `personalToken` security requirement of each "
        "operation). Give this or `scope`.",
    )
    scope = serializers.ChoiceField(
        choices=TokenScope.choices,
        required=False,
        help_text="Deprecated, use `scopes`: `read` is every `*:read` scope, `write` every "
        "scope, webhook management included.",
    )
    expires_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Optional, at most a year ahead; null: never expires.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        legacy = attrs.pop("scope", None)
        if (legacy is None) == ("scopes" not in attrs):
            raise serializers.ValidationError(
                {"scopes": ["Give either `scopes` or the deprecated `scope`, not both."]},
                code="scopes_required",
            )
        if legacy is not None:
            attrs["scopes"] = sorted(LEGACY_SCOPES[legacy])
        return attrs


class PersonalTokenOutput(serializers.ModelSerializer):
    workspace = serializers.CharField(source="workspace.slug", help_text="The workspace's slug.")
    prefix = serializers.CharField(
        help_text="The first characters of the secret, to recognise the token."
    )
    scopes = serializers.ListField(
        child=serializers.ChoiceField(choices=Scope.choices),
        source="granted_scopes",
        help_text="What the token may do.",
    )
    scope = serializers.ChoiceField(
        choices=TokenScope.choices,
        help_text="Deprecated: `write` only for a token that holds every scope, else `read`.",
    )

    class Meta:
        model = PersonalAccessToken
        fields = [
            "id",
            "name",
            "workspace",
            "scopes",
            "scope",
            "prefix",
            "created_at",
            "expires_at",
            "last_used_at",
        ]
        read_only_fields = fields


class PersonalTokenCreatedOutput(PersonalTokenOutput):
    secret = serializers.CharField(
        help_text="Shown once: send it as `Authorization: Bearer <secret>`. Only a hash is kept."
    )

    class Meta(PersonalTokenOutput.Meta):
        fields = [*PersonalTokenOutput.Meta.fields, "secret"]
        read_only_fields = fields
