"""OAuth 2.1 apps (django-oauth-toolkit): authorization code with PKCE only, rotating refresh
tokens, the scope catalogue shared with personal access tokens. See docs/tokens.md."""

from docket.core.scopes import Scope

from .env import env

OAUTH2_PROVIDER = {
    "SCOPES": dict(Scope.choices),
    # An app asks for what it needs; nothing is granted by default.
    "DEFAULT_SCOPES": [],
    "PKCE_REQUIRED": True,
    "ROTATE_REFRESH_TOKEN": True,
    # A rotated refresh token presented again revokes the whole family (RFC 9700 4.14.2).
    "REFRESH_TOKEN_REUSE_PROTECTION": True,
    "ACCESS_TOKEN_EXPIRE_SECONDS": env.int("OAUTH_ACCESS_TOKEN_SECONDS", default=3600),
    "REFRESH_TOKEN_EXPIRE_SECONDS": env.int("OAUTH_REFRESH_TOKEN_SECONDS", default=60 * 86400),
    "AUTHORIZATION_CODE_EXPIRE_SECONDS": 60,
    # Recognisable secrets, like personal access tokens' (scanners; told apart from a JWT).
    "ACCESS_TOKEN_GENERATOR": "docket.workspaces.oauth.access_token_generator",
    "REFRESH_TOKEN_GENERATOR": "docket.workspaces.oauth.refresh_token_generator",
    # Local development and the tests' third-party client answer on plain-http loopback;
    # production allows https only (config.settings.production).
    "ALLOWED_REDIRECT_URI_SCHEMES": ["https", "http"],
    # RFC 9700 (OAuth 2.0 Security BCP), ahead of the toolkit's 4.0 defaults: no implicit or
    # password grant, S256 PKCE only, tokens only in the Authorization header, `iss` in the
    # authorization response (RFC 9207), and tokens stored as hashes, never in clear.
    "COMPLIANT_BCP_RFC9700_IMPLICIT_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PASSWORD_GRANT": True,
    "COMPLIANT_BCP_RFC9700_PKCE_METHOD": True,
    "COMPLIANT_BCP_RFC9700_ACCESS_TOKEN_TRANSPORT": True,
    "COMPLIANT_BCP_RFC9700_AUTHZ_RESPONSE_ISS": True,
    "COMPLIANT_BCP_RFC9700_TOKEN_STORAGE": True,
}

# django-oauth-toolkit's own models (swappable; named so the migration autodetector sees them).
OAUTH2_PROVIDER_APPLICATION_MODEL = "oauth2_provider.Application"
OAUTH2_PROVIDER_ACCESS_TOKEN_MODEL = "oauth2_provider.AccessToken"
OAUTH2_PROVIDER_REFRESH_TOKEN_MODEL = "oauth2_provider.RefreshToken"
OAUTH2_PROVIDER_ID_TOKEN_MODEL = "oauth2_provider.IDToken"
OAUTH2_PROVIDER_GRANT_MODEL = "oauth2_provider.Grant"
OAUTH2_PROVIDER_DEVICE_GRANT_MODEL = "oauth2_provider.DeviceGrant"
