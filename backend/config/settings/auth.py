"""Accounts and sign-in: the user model, password rules, refresh tokens, invitations."""

from datetime import timedelta

from .env import env

AUTH_USER_MODEL = "accounts.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "docket.accounts.passwords.NotBlankValidator"},
    {"NAME": "docket.accounts.passwords.NotTheEmailValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
        "OPTIONS": {"user_attributes": ("email", "display_name")},
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Refresh grace window ---------------------------------------------------------------------
# Re-presenting the refresh token rotated away last, within this many seconds, returns the same
# successor (concurrent refreshes from two tabs) instead of revoking the session as a reuse.
REFRESH_REUSE_GRACE = timedelta(seconds=env.int("REFRESH_REUSE_GRACE_SECONDS", default=30))

# Browsers may keep the refresh token in this cookie instead of the response body.
REFRESH_COOKIE_NAME = "docket_refresh"
REFRESH_COOKIE_PATH = "/api/v1/auth/"
REFRESH_COOKIE_SECURE = env.bool("REFRESH_COOKIE_SECURE", default=True)

# --- Backoff of failed sign-ins per account (docket.accounts.backoff) -------------------------
# Failures to one account from anywhere: after the free ones within the window, each closes
# password sign-in for base, 2 x base, ... seconds, up to the maximum. A client holding a live
# refresh session of the account is never refused.
SIGN_IN_BACKOFF_FREE_FAILURES = env.int("SIGN_IN_BACKOFF_FREE_FAILURES", default=5)
SIGN_IN_BACKOFF_BASE_SECONDS = env.int("SIGN_IN_BACKOFF_BASE_SECONDS", default=2)
SIGN_IN_BACKOFF_MAX_SECONDS = env.int("SIGN_IN_BACKOFF_MAX_SECONDS", default=300)
SIGN_IN_BACKOFF_WINDOW_SECONDS = env.int("SIGN_IN_BACKOFF_WINDOW_SECONDS", default=900)

# --- Invitations -----------------------------------------------------------------------------
INVITATION_LIFETIME = timedelta(days=env.int("INVITATION_LIFETIME_DAYS", default=7))
