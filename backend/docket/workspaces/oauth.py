"""OAuth 2.1 apps on django-oauth-toolkit (docs/tokens.md): registered per workspace by admins,
installed by members through the consent screen (authorization code + PKCE), their access
tokens checked like personal access tokens: the owner's role, one workspace, the granted scopes.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from typing import Any

import structlog
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest
from django.utils import timezone
from oauth2_provider.exceptions import FatalClientError, OAuthToolkitError
from oauth2_provider.models import AccessToken, Application, RefreshToken
from oauth2_provider.oauth2_backends import get_oauthlib_core

from docket.accounts.models import User
from docket.core import db_routers
from docket.core.access import Access, TokenGrant
from docket.core.errors import NotFound, Unauthenticated, ValidationFailed
from docket.core.roles import Role
from docket.workspaces.models import Membership, OAuthApp

logger = structlog.get_logger(__name__)

ACCESS_TOKEN_PREFIX = "dkt_oat_"  # noqa: S105  # public markers, not secrets
REFRESH_TOKEN_PREFIX = "dkt_ort_"  # noqa: S105


def access_token_generator(request: Any, refresh_token: bool = False) -> str:
    return ACCESS_TOKEN_PREFIX + secrets.token_urlsafe(32)


def refresh_token_generator(request: Any, refresh_token: bool = False) -> str:
    return REFRESH_TOKEN_PREFIX + secrets.token_urlsafe(32)


@dataclass(frozen=True)
class RegisteredApp:
    app: OAuthApp
    client_secret: str  # shown once; only its hash is stored


# --- Registration (admins) ----------------------------------------------------------------


def oauth_app_create(
    *, access: Access, name: str, redirect_uris: list[str], confidential: bool
) -> RegisteredApp:
    """Register an app in the access's workspace (admins). Its client may use the authorization
    code grant with PKCE only; a confidential client also authenticates with its secret."""
    access.ensure_role(Role.ADMIN, action="register OAuth apps")
    secret = secrets.token_urlsafe(32)
    with transaction.atomic():
        client = Application.objects.create(
            name=name.strip(),
            user_id=access.user_id,
            client_type=(
                Application.CLIENT_CONFIDENTIAL if confidential else Application.CLIENT_PUBLIC
            ),
            authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
            redirect_uris=" ".join(redirect_uris),
            client_secret=secret,
            skip_authorization=False,
            algorithm="",
        )
        app = OAuthApp.objects.create(
            workspace_id=access.workspace_id, client=client, created_by_id=access.user_id
        )
    logger.info("oauth_app_registered", app_id=str(app.pk))
    return RegisteredApp(app=app, client_secret=secret if confidential else "")


def oauth_app_list(*, access: Access) -> QuerySet[OAuthApp]:
    access.ensure_role(Role.ADMIN, action="manage OAuth apps")
    return (
        OAuthApp.objects.filter(workspace_id=access.workspace_id)
        .select_related("client")
        .order_by("-created_at", "-id")
    )


def oauth_app_get(*, access: Access, app_id: uuid.UUID) -> OAuthApp:
    app = oauth_app_list(access=access).filter(pk=app_id).first()
    if app is None:
        raise NotFound("App not found.", code="oauth_app_not_found")
    return app


def oauth_app_delete(*, access: Access, app: OAuthApp) -> None:
    """Remove an app: its client, grants and every token it holds go with it."""
    access.ensure_in_workspace(app)
    access.ensure_role(Role.ADMIN, action="manage OAuth apps")
    with transaction.atomic():
        Application.objects.filter(pk=app.client_id).delete()
    logger.info("oauth_app_deleted", app_id=str(app.pk))


# --- Installations: the tokens members granted ---------------------------------------------


def oauth_installation_list(*, access: Access) -> QuerySet[AccessToken]:
    """The live access tokens of the workspace's apps, with app and member (admins)."""
    access.ensure_role(Role.ADMIN, action="manage OAuth apps")
    return (
        AccessToken.objects.filter(
            application__docket_app__workspace_id=access.workspace_id,
            expires__gt=timezone.now(),
        )
        .select_related("application__docket_app", "user")
        .order_by("-created", "-id")
    )


def oauth_installation_revoke(*, access: Access, token_id: int) -> None:
    """Revoke one member's installation of an app: every access and refresh token the app holds
    for that member (admins). Idempotent for a token already gone."""
    token = oauth_installation_list(access=access).filter(pk=token_id).first()
    if token is None:
        raise NotFound("Installation not found.", code="oauth_installation_not_found")
    oauth_tokens_revoke(user_id=token.user_id, application_ids=[token.application_id])


def oauth_tokens_revoke(*, user_id: uuid.UUID, application_ids: list[int] | None = None) -> None:
    """Delete a person's OAuth tokens (of these apps, or of every app): revoked, not suspended,
    so nothing comes back if they return."""
    refresh = RefreshToken.objects.filter(user_id=user_id)
    tokens = AccessToken.objects.filter(user_id=user_id)
    if application_ids is not None:
        refresh = refresh.filter(application_id__in=application_ids)
        tokens = tokens.filter(application_id__in=application_ids)
    refresh.filter(revoked__isnull=True).update(revoked=timezone.now())
    tokens.delete()


def oauth_tokens_revoke_for_member(*, workspace_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """A member leaves or is removed: every token of the workspace's apps they installed."""
    apps = list(
        Application.objects.filter(docket_app__workspace_id=workspace_id).values_list(
            "pk", flat=True
        )
    )
    oauth_tokens_revoke(user_id=user_id, application_ids=apps)


# --- Authentication -------------------------------------------------------------------------


def oauth_authenticate(*, secret: str) -> tuple[User, TokenGrant]:
    """The user and grant of an OAuth access token: one query on the primary, the same checks
    as a personal access token's (not expired, owner active and still a member of the app's
    workspace, the workspace live). Raises Unauthenticated (`token_not_valid`)."""
    is_member = Membership.objects.filter(
        user_id=OuterRef("user_id"),
        workspace_id=OuterRef("application__docket_app__workspace_id"),
    )
    token = (
        AccessToken.objects.using(db_routers.PRIMARY)
        .select_related("user", "application__docket_app")
        .filter(
            token_checksum=hashlib.sha256(secret.encode()).hexdigest(),
            expires__gt=timezone.now(),
            user__is_active=True,
            application__docket_app__workspace__deleted_at__isnull=True,
        )
        .filter(Exists(is_member))
        .first()
    )
    if token is None or token.user is None:
        raise Unauthenticated("The token is invalid, expired or revoked.", code="token_not_valid")
    grant = TokenGrant(
        token_id=uuid.UUID(int=token.pk),
        workspace_id=token.application.docket_app.workspace_id,
        scopes=frozenset(token.scope.split()),
        kind="oauth",
    )
    return token.user, grant


# --- Consent: the authorization endpoint, for the SPA's consent screen ----------------------


@dataclass(frozen=True)
class ConsentRequest:
    app: OAuthApp
    scopes: list[str]
    credentials: dict[str, Any]


def _oauth_error(error: Any) -> ValidationFailed:
    inner = getattr(error, "oauthlib_error", error)
    code = getattr(inner, "error", "invalid_request")
    message = getattr(inner, "description", None) or "The authorization request is not valid."
    return ValidationFailed.for_field(None, f"oauth_{code}", message)


def oauth_consent_check(*, actor: User, http_request: HttpRequest) -> ConsentRequest:
    """Validate an authorization request (its query string: response_type=code, client_id,
    redirect_uri, scope, state, code_challenge with S256) for the consent screen. The app must
    be one of a workspace the actor belongs to (else the same 404 as a missing one)."""
    core = get_oauthlib_core()
    try:
        scopes, credentials = core.validate_authorization_request(http_request)
    except (FatalClientError, OAuthToolkitError) as error:
        raise _oauth_error(error) from None
    if credentials.get("code_challenge_method") != "S256":
        raise ValidationFailed.for_field(
            None, "oauth_invalid_request", "PKCE with code_challenge_method=S256 is required."
        )
    app = (
        OAuthApp.objects.select_related("client", "workspace")
        .filter(
            client__client_id=credentials["client_id"],
            workspace__deleted_at__isnull=True,
            workspace__memberships__user=actor,
        )
        .first()
    )
    if app is None:
        raise NotFound("App not found.", code="oauth_app_not_found")
    if not scopes:
        raise ValidationFailed.for_field(None, "oauth_invalid_scope", "Ask for at least one scope.")
    return ConsentRequest(app=app, scopes=sorted(scopes), credentials=credentials)


def oauth_consent_answer(*, actor: User, http_request: HttpRequest, allow: bool) -> str:
    """The member's answer: the URI to send the browser to, with a one-time code (60 s, bound
    to the PKCE challenge) or `error=access_denied`."""
    consent = oauth_consent_check(actor=actor, http_request=http_request)
    core = get_oauthlib_core()
    http_request.user = actor
    try:
        uri, _headers, _body, _status = core.create_authorization_response(
            http_request, consent.scopes, consent.credentials, allow
        )
    except OAuthToolkitError as error:
        if not error.redirect_uri:
            raise _oauth_error(error) from None
        return str(error.oauthlib_error.in_uri(error.redirect_uri))
    except FatalClientError as error:
        raise _oauth_error(error) from None
    logger.info("oauth_consent_given", app_id=str(consent.app.pk), scopes=consent.scopes)
    return str(uri)
