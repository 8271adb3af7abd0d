"""`Authorization: Bearer dkt_pat_…`: personal access tokens, beside the JWT authentication."""

from typing import Any

from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request

from docket.core import db_routers
from docket.core.errors import Unauthenticated
from docket.workspaces.oauth import ACCESS_TOKEN_PREFIX, oauth_authenticate
from docket.workspaces.services import TOKEN_PREFIX, token_authenticate


class PersonalTokenAuthentication(BaseAuthentication):
    """Takes a bearer credential that starts with the token prefix; leaves anything else (a
    JWT) to the next authentication class. `request.auth` becomes the token's TokenGrant."""

    def authenticate(self, request: Request) -> tuple[Any, Any] | None:
        parts = get_authorization_header(request).split()
        if len(parts) != 2 or parts[0].lower() != b"bearer":
            return None
        if parts[1].startswith(TOKEN_PREFIX.encode()):
            check = token_authenticate
        elif parts[1].startswith(ACCESS_TOKEN_PREFIX.encode()):
            check = oauth_authenticate  # an OAuth app's: the same grant, the same checks
        else:
            return None
        try:
            user, grant = check(secret=parts[1].decode("ascii", errors="replace"))
        except Unauthenticated as exc:
            raise AuthenticationFailed(exc.message, code=exc.code) from exc
        db_routers.pin_if_user_is_sticky(user.pk)
        return user, grant

    def authenticate_header(self, request: Request) -> str:
        return 'Bearer realm="api"'
