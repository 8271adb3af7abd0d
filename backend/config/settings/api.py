"""The HTTP API: body limits, trusted proxies, compression, DRF and the sign-in throttles."""

from .env import env

# JSON answers at least this large are compressed (brotli or gzip, as the client accepts).
COMPRESS_MIN_BYTES = env.int("COMPRESS_MIN_BYTES", default=1024)

API_MAX_BODY_BYTES = env.int("API_MAX_BODY_BYTES", default=256 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = API_MAX_BODY_BYTES

# Quotas per person (409 `workspace_quota_exceeded` / `token_quota_exceeded`): workspaces they
# own (not yet deleted) and personal access tokens alive (neither revoked nor expired).
MAX_WORKSPACES_PER_USER = env.int("MAX_WORKSPACES_PER_USER", default=20)
MAX_TOKENS_PER_USER = env.int("MAX_TOKENS_PER_USER", default=50)

# Number of proxies in front of the API whose X-Forwarded-For entries are trusted.
NUM_PROXIES = env.int("NUM_PROXIES", default=0)

REST_FRAMEWORK = {
    "NUM_PROXIES": NUM_PROXIES,
    # Personal access tokens first: they are recognised by their prefix, anything else is a JWT.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "docket.workspaces.api.authentication.PersonalTokenAuthentication",
        "docket.core.authentication.DocketJWTAuthentication",
    ],
    # IsAuthenticated, and personal access tokens only where a view accepts them.
    "DEFAULT_PERMISSION_CLASSES": ["docket.core.authentication.Authenticated"],
    "DEFAULT_PARSER_CLASSES": ["docket.core.parsers.BoundedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["docket.core.renderers.SafeJSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "docket.http.schema.DocketAutoSchema",
    "DEFAULT_METADATA_CLASS": "docket.core.metadata.DocketMetadata",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    # Every request counts against its caller's rate limits (docket.core.ratelimit).
    "DEFAULT_THROTTLE_CLASSES": ["docket.core.throttling.ApiRateLimit"],
    "DEFAULT_PAGINATION_CLASS": "docket.core.pagination.KeysetPagination",
    "EXCEPTION_HANDLER": "docket.http.problems.problem_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
    "DATETIME_FORMAT": "%Y-%m-%dT%H:%M:%S.%fZ",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

# Requests per period, read by docket.core.throttling at request time. Addresses count by
# bucket (an IPv6 /64 is one); auth_account is per account *and* address, so that guesses from
# elsewhere never lock the owner out.
THROTTLE_RATES = {
    "auth_ip": env.str("THROTTLE_AUTH_IP", default="30/minute"),
    "auth_account": env.str("THROTTLE_AUTH_ACCOUNT", default="10/minute"),
    "password_change": env.str("THROTTLE_PASSWORD_CHANGE", default="5/minute"),
}
