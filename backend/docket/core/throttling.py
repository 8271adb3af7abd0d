"""Throttles for the unauthenticated auth endpoints: per client IP and per target account.

Rates come from settings.THROTTLE_RATES at request time, so operators and tests can change them
without a restart of the class machinery. Counters live in Redis (the default cache).
"""

import hashlib
from typing import Any

from django.conf import settings
from django.http import HttpResponse
from rest_framework.throttling import SimpleRateThrottle


class _SettingsRateThrottle(SimpleRateThrottle):
    def __init__(self) -> None:
        # Read lazily in allow_request; SimpleRateThrottle reads its rate here by default.
        pass

    def get_rate(self) -> str:
        return settings.THROTTLE_RATES[str(self.scope)]

    def allow_request(self, request: Any, view: Any) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)


class AuthIpThrottle(_SettingsRateThrottle):
    scope = "auth_ip"

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class AuthAccountThrottle(_SettingsRateThrottle):
    """Limits guesses against one account, however many addresses they come from."""

    scope = "auth_account"

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        data = request.data if isinstance(request.data, dict) else {}
        email = data.get("email")
        if not isinstance(email, str) or not email.strip():
            return None
        # Hashed: the address is untrusted text (NUL, lone surrogates) and must not be a key.
        normalized = email.strip().lower().encode("utf-8", "surrogatepass")
        ident = hashlib.sha256(normalized).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": ident}


class PasswordChangeThrottle(_SettingsRateThrottle):
    """Limits guesses at the current password by someone holding a session."""

    scope = "password_change"

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": str(request.user.pk)}


class _AdminLoginAttempt:
    """What the auth throttles read, for a Django admin login form (its `username` field)."""

    def __init__(self, request: Any) -> None:
        self.META = request.META
        self.headers = request.headers
        self.data = {"email": request.POST.get("username", "")}


def throttled_admin_login(login_view: Any) -> Any:
    """The admin's login view behind the same per-IP and per-account limits as the API's
    sign-in: staff accounts are the most valuable to guess."""

    def view(request: Any, *args: Any, **kwargs: Any) -> Any:
        if request.method == "POST":
            attempt = _AdminLoginAttempt(request)
            for throttle in (AuthIpThrottle(), AuthAccountThrottle()):
                if not throttle.allow_request(attempt, None):
                    wait = max(1, int((throttle.wait() or 1) + 0.999))
                    response = HttpResponse(
                        "Too many sign-in attempts; try again later.",
                        status=429,
                        content_type="text/plain",
                    )
                    response["Retry-After"] = str(wait)
                    return response
        return login_view(request, *args, **kwargs)

    view.throttled = True  # type: ignore[attr-defined]  # a marker on a function object
    return view
