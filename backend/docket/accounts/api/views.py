from django.conf import settings
from django.urls import reverse
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response

from docket.accounts.api.serializers import (
    AuthTokensOutput,
    LogoutInput,
    MeOutput,
    MeUpdateInput,
    PasswordChangeInput,
    RegisterInput,
    TokenObtainInput,
    TokenRefreshInput,
)
from docket.accounts.services import (
    IssuedTokens,
    session_end,
    session_refresh,
    session_start,
    user_change_password,
    user_register,
    user_update,
)
from docket.core.errors import Unauthenticated
from docket.core.scopes import Scope, scopes_for
from docket.core.throttling import (
    ApiRateLimit,
    AuthAccountThrottle,
    AuthIpThrottle,
    PasswordChangeThrottle,
)
from docket.http.auth import signed_in
from docket.http.conditional import LOCATION_HEADER
from docket.http.views import APIView


def _tokens_response(tokens: IssuedTokens, *, transport: str, status_code: int) -> Response:
    in_cookie = transport == "cookie"
    body = AuthTokensOutput(
        {
            "access": tokens.access,
            "access_expires_at": tokens.access_expires_at,
            "refresh": None if in_cookie else tokens.refresh,
            "refresh_expires_at": tokens.refresh_expires_at,
            "user": tokens.user,
        }
    ).data
    response = Response(body, status=status_code)
    if in_cookie:
        response.set_cookie(
            settings.REFRESH_COOKIE_NAME,
            tokens.refresh,
            expires=tokens.refresh_expires_at,
            path=settings.REFRESH_COOKIE_PATH,
            secure=settings.REFRESH_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    response["Cache-Control"] = "no-store"
    return response


def _presented_refresh(request: Request, data: dict) -> tuple[str, str]:
    """The refresh token from the body, else from the cookie; and where it came from."""
    if data.get("refresh"):
        return data["refresh"], "body"
    cookie = request.COOKIES.get(settings.REFRESH_COOKIE_NAME)
    if cookie:
        return cookie, "cookie"
    raise Unauthenticated("No refresh token was presented.", code="not_authenticated")


class RegisterView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ApiRateLimit, AuthIpThrottle, AuthAccountThrottle]

    @extend_schema(
        operation_id="auth_register",
        summary="Create an account and sign in",
        request=RegisterInput,
        parameters=[LOCATION_HEADER],
        responses={201: AuthTokensOutput},
    )
    def post(self, request: Request) -> Response:
        data = RegisterInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        user_register(
            email=values["email"],
            password=values["password"],
            display_name=values["display_name"],
            timezone_name=values["timezone"],
        )
        tokens = session_start(
            email=values["email"],
            password=values["password"],
            user_agent=request.headers.get("User-Agent", ""),
        )
        response = _tokens_response(
            tokens, transport=values["refresh_transport"], status_code=status.HTTP_201_CREATED
        )
        response["Location"] = reverse("me")  # the account created
        return response


class TokenObtainView(APIView):
    # Anyone may call it; wrong credentials or a revoked token are a 401.
    extra_error_codes = (401,)
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ApiRateLimit, AuthIpThrottle, AuthAccountThrottle]

    @extend_schema(
        operation_id="auth_token_obtain",
        summary="Sign in with email and password",
        request=TokenObtainInput,
        responses={200: AuthTokensOutput},
    )
    def post(self, request: Request) -> Response:
        data = TokenObtainInput(data=request.data)
        data.is_valid(raise_exception=True)
        tokens = session_start(
            email=data.validated_data["email"],
            password=data.validated_data["password"],
            user_agent=request.headers.get("User-Agent", ""),
            known_refresh=data.validated_data.get("refresh")
            or request.COOKIES.get(settings.REFRESH_COOKIE_NAME),
        )
        return _tokens_response(
            tokens, transport=data.validated_data["refresh_transport"], status_code=200
        )


class TokenRefreshView(APIView):
    # Anyone may call it; wrong credentials or a revoked token are a 401.
    extra_error_codes = (401,)
    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_classes = [ApiRateLimit, AuthIpThrottle]
    documents_bad_request = True

    @extend_schema(
        operation_id="auth_token_refresh",
        summary="Rotate the refresh token and get a new access token",
        description=(
            "The presented refresh token stops working. Presenting it again revokes the whole "
            "session (401 `token_reused`), except within a short grace window (30 s by default) "
            "after its rotation, which answers with the same successor: two tabs refreshing at "
            "once both continue the session. The refresh token comes from the body or, if "
            "absent, the cookie; the new one goes back the same way."
        ),
        request=TokenRefreshInput,
        responses={200: AuthTokensOutput},
    )
    def post(self, request: Request) -> Response:
        data = TokenRefreshInput(data=request.data)
        data.is_valid(raise_exception=True)
        raw, transport = _presented_refresh(request, data.validated_data)
        tokens = session_refresh(raw_token=raw)
        return _tokens_response(tokens, transport=transport, status_code=200)


class LogoutView(APIView):
    # Anyone may call it; wrong credentials or a revoked token are a 401.
    extra_error_codes = (401,)
    authentication_classes: list = []
    permission_classes = [AllowAny]

    @extend_schema(
        operation_id="auth_logout",
        summary="Sign out: revoke the refresh token's session",
        request=LogoutInput,
        responses={204: OpenApiResponse(description="Signed out.")},
    )
    def post(self, request: Request) -> Response:
        data = LogoutInput(data=request.data)
        data.is_valid(raise_exception=True)
        raw, _transport = _presented_refresh(request, data.validated_data)
        session_end(raw_token=raw)
        response = Response(status=status.HTTP_204_NO_CONTENT)
        response.delete_cookie(
            settings.REFRESH_COOKIE_NAME, path=settings.REFRESH_COOKIE_PATH, samesite="Lax"
        )
        return response


class MeView(APIView):
    token_scopes = scopes_for(read=Scope.WORKSPACE_READ)

    @extend_schema(operation_id="me_get", summary="The signed-in user", responses=MeOutput)
    def get(self, request: Request) -> Response:
        return Response(MeOutput(request.user).data)

    @extend_schema(
        operation_id="me_update",
        summary="Change the signed-in user's profile",
        request=MeUpdateInput,
        responses=MeOutput,
    )
    def patch(self, request: Request) -> Response:
        data = MeUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        user = user_update(
            actor=signed_in(request),
            display_name=data.validated_data.get("display_name"),
            timezone_name=data.validated_data.get("timezone"),
        )
        return Response(MeOutput(user).data)


class PasswordChangeView(APIView):
    throttle_classes = [ApiRateLimit, PasswordChangeThrottle]

    @extend_schema(
        operation_id="me_password_change",
        summary="Change the signed-in user's password (ends every session)",
        request=PasswordChangeInput,
        responses={204: OpenApiResponse(description="Changed; sign in again.")},
    )
    def post(self, request: Request) -> Response:
        data = PasswordChangeInput(data=request.data)
        data.is_valid(raise_exception=True)
        user_change_password(actor=signed_in(request), **data.validated_data)
        return Response(status=status.HTTP_204_NO_CONTENT)
