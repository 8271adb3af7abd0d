"""JWT authentication that also applies read-your-writes routing for the authenticated user,
and the default permission: authenticated, with tokens only where a view declares the scope
they need (docket.core.scopes)."""

from typing import Any

from django.conf import settings
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication

from docket.core import db_routers
from docket.core.access import TokenGrant
from docket.core.errors import PermissionDenied
from docket.core.scopes import Scope


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

    def get_user(self, validated_token: Any) -> Any:
        # Whether the account is still active is an authorization read: on the primary, so a
        # deactivation counts at once whatever the standby's lag.
        with db_routers.pinned_to_primary():
            return super().get_user(validated_token)


def required_scope(view: Any, method: str) -> Scope | None:
    """The scope a token needs to call `method` on `view` (its `token_scopes`, see
    docket.core.scopes.scopes_for); None where no token may call it. Views refuse tokens by
    default: each one that accepts them declares the scope per method, once."""
    declared: dict[str, Scope] = getattr(view, "token_scopes", {})
    return declared.get(method.upper())


class Authenticated(IsAuthenticated):
    """The default permission (settings.REST_FRAMEWORK). A signed-in session may call any view;
    a token only the methods the view declares a scope for (403 `session_required` elsewhere:
    creating tokens, changing the password, creating workspaces), and only with that scope
    (403 `insufficient_scope`, naming it)."""

    def has_permission(self, request: Request, view: Any) -> bool:
        if not super().has_permission(request, view):
            return False
        grant = request.auth
        if not isinstance(grant, TokenGrant):
            return True
        needed = required_scope(view, request.method or "")
        if needed is None:
            raise PermissionDenied("A token cannot do this; sign in.", code="session_required")
        if needed.value not in grant.scopes:
            raise PermissionDenied(
                f"This token lacks the `{needed.value}` scope; create one that has it.",
                code="insufficient_scope",
            )
        return True
