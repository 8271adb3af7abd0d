from rest_framework import serializers

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
    scope = serializers.ChoiceField(
        choices=TokenScope.choices, help_text="`read`: safe methods only; `write`: any."
    )
    expires_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        default=None,
        help_text="Optional, at most a year ahead; null: never expires.",
    )


class PersonalTokenOutput(serializers.ModelSerializer):
    workspace = serializers.CharField(source="workspace.slug", help_text="The workspace's slug.")
    prefix = serializers.CharField(
        help_text="The first characters of the secret, to recognise the token."
    )

    class Meta:
        model = PersonalAccessToken
        fields = [
            "id",
            "name",
            "workspace",
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
