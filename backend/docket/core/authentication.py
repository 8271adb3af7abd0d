"""JWT authentication that also applies read-your-writes routing for the authenticated user."""

from typing import Any

from django.conf import settings
from rest_framework.request import Request
from rest_framework_simplejwt.authentication import JWTAuthentication

from docket.core import db_routers


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
