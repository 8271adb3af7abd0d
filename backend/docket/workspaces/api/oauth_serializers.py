from typing import Any

from rest_framework import serializers

from docket.core.scopes import Scope
from docket.core.serializers import StrictSerializer
from docket.http.refs import UserSummaryOutput
from docket.workspaces.models import OAuthApp


class OAuthAppCreateInput(StrictSerializer):
    name = serializers.CharField(
        max_length=100, help_text="Shown to members on the consent screen."
    )
    redirect_uris = serializers.ListField(
        child=serializers.URLField(max_length=400),
        min_length=1,
        max_length=10,
        help_text="Exact redirect URIs the app may send members back to.",
    )
    confidential = serializers.BooleanField(
        default=True,
        help_text="A server-side app that keeps a client secret; false for a public client "
        "(a mobile or single-page app: PKCE alone).",
    )


class OAuthAppOutput(serializers.ModelSerializer):
    name = serializers.CharField(source="client.name")
    client_id = serializers.CharField(source="client.client_id")
    redirect_uris = serializers.SerializerMethodField()
    confidential = serializers.SerializerMethodField()

    class Meta:
        model = OAuthApp
        fields = ["id", "name", "client_id", "redirect_uris", "confidential", "created_at"]
        read_only_fields = fields

    def get_redirect_uris(self, app: OAuthApp) -> list[str]:
        return app.client.redirect_uris.split()

    def get_confidential(self, app: OAuthApp) -> bool:
        return app.client.client_type == "confidential"


class OAuthAppCreatedOutput(OAuthAppOutput):
    client_secret = serializers.CharField(
        help_text="Shown once (empty for a public client); only a hash is kept."
    )

    class Meta(OAuthAppOutput.Meta):
        fields = [*OAuthAppOutput.Meta.fields, "client_secret"]
        read_only_fields = fields


class OAuthInstallationOutput(serializers.Serializer):
    id = serializers.IntegerField(help_text="The access token's id; revoke to end the install.")
    app_id = serializers.UUIDField(source="application.docket_app.id")
    app_name = serializers.CharField(source="application.name")
    member = UserSummaryOutput(source="user")
    scopes = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField(source="created")
    expires_at = serializers.DateTimeField(source="expires")

    def get_scopes(self, token: Any) -> list[str]:
        return sorted(token.scope.split())


class OAuthScopeOutput(serializers.Serializer):
    scope = serializers.ChoiceField(choices=Scope.choices)
    description = serializers.CharField()


class OAuthConsentOutput(serializers.Serializer):
    app_name = serializers.CharField()
    workspace = serializers.CharField(help_text="Slug of the workspace the app acts in.")
    scopes = OAuthScopeOutput(many=True)
    redirect_uri = serializers.CharField()


class OAuthConsentInput(StrictSerializer):
    allow = serializers.BooleanField(help_text="The member's answer on the consent screen.")


class OAuthRedirectOutput(serializers.Serializer):
    redirect_to = serializers.CharField(
        help_text="Send the browser here: the app's redirect URI with `code` and `state` (or "
        "`error=access_denied`)."
    )
