"""Production: differs from local only through the environment, and refuses unsafe values."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    ALLOWED_HOSTS,
    DEBUG,
    METRICS_TOKEN,
    OAUTH2_PROVIDER,
    SECRET_KEY,
    env,
    logging_config,
)
from .secret_key import METRICS_TOKEN_MIN_LENGTH, SECRET_KEY_MIN_LENGTH, weak_secret_reason

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production.")
if reason := weak_secret_reason(SECRET_KEY, min_length=SECRET_KEY_MIN_LENGTH):
    raise ImproperlyConfigured(
        f"SECRET_KEY is refused: {reason}. Set it to a unique random value, e.g. "
        "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`."
    )
# No token: no /metrics endpoint. A token, though, guards the metrics and must be a real one.
if METRICS_TOKEN and (
    reason := weak_secret_reason(METRICS_TOKEN, min_length=METRICS_TOKEN_MIN_LENGTH)
):
    raise ImproperlyConfigured(f"METRICS_TOKEN is refused: {reason}.")
if not ALLOWED_HOSTS or any(host == "*" or host.startswith("*") for host in ALLOWED_HOSTS):
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the real host names, no wildcard.")

ADMIN_ENABLED = env.bool("ADMIN_ENABLED", default=False)

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
# The health probes come from the load balancer over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
REFRESH_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"

# OAuth apps send people back over https only (RFC 9700 2.1); local development keeps http.
OAUTH2_PROVIDER = {**OAUTH2_PROVIDER, "ALLOWED_REDIRECT_URI_SCHEMES": ["https"]}

LOGGING = logging_config(
    log_format=env.str("LOG_FORMAT", default="json"), level=env.str("LOG_LEVEL", default="INFO")
)
