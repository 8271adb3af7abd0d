"""OAuth apps: registration and installations (workspace admins), and the consent endpoint the
SPA's consent screen calls. The token and revocation endpoints are django-oauth-toolkit's
(form-encoded, RFC 6749/7009), mounted beside these (docket.workspaces.api.urls)."""

import uuid

from django.db.models import F
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.scopes import Scope
from docket.http.auth import signed_in
from docket.http.conditional import LOCATION_HEADER
from docket.http.views import APIView, WorkspaceAPIView, created_response
from docket.workspaces.api.oauth_serializers import (
    OAuthAppCreatedOutput,
    OAuthAppCreateInput,
    OAuthAppOutput,
    OAuthConsentInput,
    OAuthConsentOutput,
    OAuthInstallationOutput,
    OAuthRedirectOutput,
)
from docket.workspaces.api.views import NO_CONTENT
from docket.workspaces.models import OAuthApp
from docket.workspaces.oauth import (
    oauth_app_create,
    oauth_app_delete,
    oauth_app_get,
    oauth_app_list,
    oauth_consent_answer,
    oauth_consent_check,
    oauth_installation_list,
    oauth_installation_revoke,
)


class OAuthAppListCreateView(WorkspaceAPIView):
    """OAuth apps registered in the workspace (admins; a signed-in session only)."""

    # The answer to a create holds the client secret, shown once: never stored for a replay.
    idempotency_keys = False
    queryset = OAuthApp.objects.none()
    keyset_orderings = {"created": F("created_at")}
    default_ordering = "-created"

    @extend_schema(
        operation_id="oauth_apps_list",
        summary="OAuth apps registered in the workspace (admins)",
        responses=OAuthAppOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        return self.paginated(oauth_app_list(access=self.access), OAuthAppOutput)

    @extend_schema(
        operation_id="oauth_apps_create",
        summary="Register an OAuth app (authorization code + PKCE); the secret is shown once",
        request=OAuthAppCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: OAuthAppCreatedOutput},
    )
    def post(self, request: Request, workspace_slug: str) -> Response:
        data = OAuthAppCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        registered = oauth_app_create(access=self.access, **data.validated_data)
        registered.app.client_secret = registered.client_secret  # type: ignore[attr-defined]
        response = created_response(
            OAuthAppCreatedOutput(registered.app).data,
            "oauth-app",
            workspace_slug=workspace_slug,
            app_id=registered.app.pk,
        )
        response["Cache-Control"] = "no-store"  # the answer holds the client secret
        return response


class OAuthAppDetailView(WorkspaceAPIView):
    @extend_schema(
        operation_id="oauth_apps_delete",
        summary="Remove an OAuth app and every token it holds (admins)",
        responses=NO_CONTENT,
    )
    def delete(self, request: Request, workspace_slug: str, app_id: uuid.UUID) -> Response:
        oauth_app_delete(access=self.access, app=oauth_app_get(access=self.access, app_id=app_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class OAuthInstallationListView(WorkspaceAPIView):
    """Each live access token an app holds for a member (admins)."""

    queryset = OAuthApp.objects.none()
    keyset_orderings = {"created": F("created")}
    default_ordering = "-created"

    @extend_schema(
        operation_id="oauth_installations_list",
        summary="Members' installations of the workspace's OAuth apps (admins)",
        responses=OAuthInstallationOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        return self.paginated(oauth_installation_list(access=self.access), OAuthInstallationOutput)


class OAuthInstallationDetailView(WorkspaceAPIView):
    @extend_schema(
        operation_id="oauth_installations_revoke",
        summary="Revoke a member's installation: every token the app holds for them (admins)",
        responses=NO_CONTENT,
    )
    def delete(self, request: Request, workspace_slug: str, installation_id: int) -> Response:
        oauth_installation_revoke(access=self.access, token_id=installation_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


_AUTHORIZATION_PARAMETERS = [
    OpenApiParameter(name, str, required=True, description=description)
    for name, description in [
        ("response_type", "`code` (the only grant)."),
        ("client_id", "The app's client id."),
        ("redirect_uri", "One of the app's registered redirect URIs."),
        ("scope", "Space-separated scopes (docs/tokens.md)."),
        ("state", "Opaque value returned with the code."),
        ("code_challenge", "PKCE: BASE64URL(SHA256(code_verifier))."),
        ("code_challenge_method", "`S256`."),
    ]
]


class OAuthAuthorizeView(APIView):
    """The consent screen's endpoint (a signed-in member): GET describes the request, POST
    answers it. Both take the app's authorization request as the query string."""

    documents_bad_request = True
    documents_not_found = True
    # A replay would hand out the same one-time code again.
    idempotency_keys = False

    @extend_schema(
        operation_id="oauth_authorize_get",
        summary="What an app asks for: its name, workspace and scopes (for the consent screen)",
        parameters=_AUTHORIZATION_PARAMETERS,
        responses=OAuthConsentOutput,
    )
    def get(self, request: Request) -> Response:
        consent = oauth_consent_check(actor=signed_in(request), http_request=request._request)
        body = {
            "app_name": consent.app.client.name,
            "workspace": consent.app.workspace.slug,
            "scopes": [{"scope": s, "description": Scope(s).label} for s in consent.scopes],
            "redirect_uri": consent.credentials["redirect_uri"],
        }
        return Response(OAuthConsentOutput(body).data)

    @extend_schema(
        operation_id="oauth_authorize_answer",
        summary="The member's answer: where to send the browser (with a code, or access_denied)",
        parameters=_AUTHORIZATION_PARAMETERS,
        request=OAuthConsentInput,
        responses=OAuthRedirectOutput,
    )
    def post(self, request: Request) -> Response:
        data = OAuthConsentInput(data=request.data)
        data.is_valid(raise_exception=True)
        uri = oauth_consent_answer(
            actor=signed_in(request),
            http_request=request._request,
            allow=data.validated_data["allow"],
        )
        response = Response(OAuthRedirectOutput({"redirect_to": uri}).data)
        response["Cache-Control"] = "no-store"
        return response
