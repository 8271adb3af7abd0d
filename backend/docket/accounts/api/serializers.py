from rest_framework import serializers

from docket.accounts.models import User
from docket.core.serializers import StrictSerializer


class RefreshTransport(serializers.ChoiceField):
    def __init__(self, **kwargs):
        super().__init__(
            choices=[("body", "body"), ("cookie", "cookie")],
            default="body",
            help_text=(
                "`cookie` sets the refresh token as an httpOnly cookie (browsers); "
                "`body` returns it in the response (mobile apps)."
            ),
            **kwargs,
        )


class RegisterInput(StrictSerializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    display_name = serializers.CharField(max_length=100)
    timezone = serializers.CharField(max_length=64, default="UTC")
    refresh_transport = RefreshTransport()


class TokenObtainInput(StrictSerializer):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    refresh_transport = RefreshTransport()
    refresh = serializers.CharField(
        required=False,
        max_length=2048,
        write_only=True,
        help_text=(
            "A refresh token of a session this client still holds, if any (a browser's cookie"
            " counts too): it may sign in while failed attempts from elsewhere have slowed the"
            " account down (429 `sign_in_backoff`)."
        ),
    )


class TokenRefreshInput(StrictSerializer):
    refresh = serializers.CharField(
        required=False,
        max_length=2048,
        help_text="The refresh token; omit it when it travels in the cookie.",
    )


class LogoutInput(TokenRefreshInput):
    pass


class MeOutput(serializers.ModelSerializer):
    class Meta:
        model = User
        fields = ["id", "email", "display_name", "timezone", "date_joined"]
        read_only_fields = fields


class MeUpdateInput(StrictSerializer):
    display_name = serializers.CharField(max_length=100, required=False)
    timezone = serializers.CharField(max_length=64, required=False)


class AuthTokensOutput(serializers.Serializer):
    access = serializers.CharField(help_text="Bearer token for `Authorization`; short-lived.")
    access_expires_at = serializers.DateTimeField()
    refresh = serializers.CharField(
        allow_null=True, help_text="Null when the refresh token was set as a cookie."
    )
    refresh_expires_at = serializers.DateTimeField()
    user = MeOutput()


class PasswordChangeInput(StrictSerializer):
    current_password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
    new_password = serializers.CharField(max_length=128, write_only=True, trim_whitespace=False)
