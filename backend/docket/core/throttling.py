"""Throttles for the unauthenticated auth endpoints: per client IP and per target account.

Rates come from settings.THROTTLE_RATES at request time, so operators and tests can change them
without a restart of the class machinery. Counters live in Redis (the default cache).
"""

import hashlib
from typing import Any

from django.conf import settings
from rest_framework.throttling import SimpleRateThrottle


class _SettingsRateThrottle(SimpleRateThrottle):
    def __init__(self) -> None:
        # Read lazily in allow_request; SimpleRateThrottle reads its rate here by default.
        pass

    def get_rate(self) -> str:
        return settings.THROTTLE_RATES[self.scope]

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
