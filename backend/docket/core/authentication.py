"""JWT authentication that also applies read-your-writes routing for the authenticated user,
and the default permission: authenticated, with personal access tokens only where accepted."""

from typing import Any

from django.conf import settings
from rest_framework.permissions import SAFE_METHODS, IsAuthenticated
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication

from docket.core import db_routers
from docket.core.access import TokenGrant
from docket.core.errors import PermissionDenied

# A view's `token_methods`: the HTTP methods a personal access token may call on it.
EVERY_METHOD = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})


class DocketJWTAuthentication(JWTAuthentication):
    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        header = self.get_header(request)
        if header is None:
            return None
        raw_token = self.get_raw_token(header)
        if raw_token is None:
            return None
        token = self.get_validated_token(raw_token)
        # Decided before the user is loaded, so even that read follows the routing.
        db_routers.pin_if_user_is_sticky(token[settings.SIMPLE_JWT["USER_ID_CLAIM"]])
        return self.get_user(token), token


def accepts_token(view: Any, method: str) -> bool:
    """Whether `view` lets a personal access token call `method`. Views refuse by default: only
    the tenancy view bases (which confine a token to its workspace) and a few reads opt in."""
    return method.upper() in getattr(view, "token_methods", frozenset())


def may_write(request: Request) -> bool:
    """Whether the request's credentials allow changes: a session does, a personal access token
    only with the `write` scope. (What the caller's role allows is the services' to say.)"""
    grant = request.auth
    return not isinstance(grant, TokenGrant) or grant.can_write


class Authenticated(IsAuthenticated):
    """The default permission (settings.REST_FRAMEWORK). A signed-in session may call any view;
    a personal access token only the methods the view accepts tokens for (403
    `session_required` elsewhere: creating tokens, changing the password, creating
    workspaces), and nothing unsafe under the `read` scope (403 `token_scope`)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        grant = request.auth
        if not isinstance(grant, TokenGrant):
            return True
        if not accepts_token(view, request.method or ""):
            raise PermissionDenied(
                "A personal access token cannot do this; sign in.", code="session_required"
            )
        if not may_write(request) and request.method not in SAFE_METHODS:
            raise PermissionDenied(
                "This token may only read; create a token with the write scope.",
                code="token_scope",
            )
        return True
