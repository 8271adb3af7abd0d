"""Throttles: the API-wide rate limits (docket.core.ratelimit) as DRF sees them, and the
stricter ones of the unauthenticated auth endpoints (per client IP and per target account).

Rates come from settings at request time, so operators and tests can change them without a
restart of the class machinery. Counters live in Redis; without it every throttle lets requests
through (docket.core.cache_fallback, docket.core.ratelimit).
"""

import hashlib
import math
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from rest_framework.exceptions import Throttled
from rest_framework.request import Request
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from docket.core import ratelimit
from docket.core.access import TokenGrant
from docket.core.addresses import address_bucket
from docket.core.cache_fallback import with_cache


class RateLimited(Throttled):
    """429 `rate_limited`; Retry-After is the end of the exhausted policy's window. The detail
    is ours alone: DRF's would append "Expected available in N seconds" to a text that already
    says when to retry."""

    default_code = "rate_limited"

    def __init__(self, *, wait: float, detail: str) -> None:
        super().__init__(detail=detail, code=self.default_code)
        self.wait = math.ceil(wait)


def _count(request: Request, policy_name: str, partition: str) -> None:
    """Count the request against one policy; raise RateLimited when it is exhausted."""
    if not settings.RATE_LIMIT_ENABLED:
        return
    usage = ratelimit.hit(ratelimit.policy(policy_name), partition)
    if usage is None:
        return  # Redis unreachable: served, unlimited (see docket.core.ratelimit)
    django_request: HttpRequest = request._request
    usages = getattr(django_request, ratelimit.USAGES_ATTRIBUTE, None)
    if usages is None:
        usages = []
        setattr(django_request, ratelimit.USAGES_ATTRIBUTE, usages)
    usages.append(usage)
    if not usage.allowed:
        raise RateLimited(
            wait=usage.reset,
            detail=(
                f"Rate limit `{usage.policy.name}` exhausted ({usage.policy.quota} requests "
                f"per {usage.policy.window} s); retry after {usage.reset} s."
            ),
        )


def _kind(request: Request) -> str:
    return "read" if (request.method or "GET").upper() in ratelimit.READ_METHODS else "write"


class _BucketedIdent:
    """Client addresses counted by bucket: an IPv6 host's /64 is one (docket.core.addresses)."""

    def get_ident(self, request: Any) -> str:
        return address_bucket(super().get_ident(request))  # type: ignore[misc]


class ApiRateLimit(_BucketedIdent, BaseThrottle):
    """Every API request, by its caller: the user of a session or JWT, the personal access
    token (its own bucket, not its owner's), or the client IP when anonymous. The default
    throttle (settings.REST_FRAMEWORK); views with throttles of their own list it first."""

    def allow_request(self, request: Request, view: Any) -> bool:
        user = request.user
        if user is not None and user.is_authenticated:
            grant = request.auth
            if isinstance(grant, TokenGrant):
                _count(request, f"token-{_kind(request)}", f"token:{grant.token_id}")
            else:
                _count(request, f"user-{_kind(request)}", f"user:{user.pk}")
        else:
            _count(request, "anon", f"ip:{self.get_ident(request)}")
        return True


def rate_limit_refused_credentials(request: Request) -> RateLimited | None:
    """A request refused for its credentials (missing, invalid, expired) never reaches the
    throttles (DRF authenticates and checks permissions first): it is counted here, against
    its client IP's `anon` budget, so a flood of bad tokens is limited like anonymous traffic.
    Returns the 429 to answer instead when that budget is exhausted."""
    if getattr(request._request, ratelimit.USAGES_ATTRIBUTE, None):
        return None  # already counted by the throttle
    try:
        _count(request, "anon", f"ip:{ApiRateLimit().get_ident(request)}")
    except RateLimited as limited:
        return limited
    return None


def rate_limit_workspace(request: Request, workspace_id: Any) -> None:
    """Count the request against its workspace's shared budget. Called by the tenancy view
    base once the caller is known to be a member (docket.http.views)."""
    _count(request, f"workspace-{_kind(request)}", f"workspace:{workspace_id}")


class _SettingsRateThrottle(_BucketedIdent, SimpleRateThrottle):
    def __init__(self) -> None:
        # Read lazily in allow_request; SimpleRateThrottle reads its rate here by default.
        pass

    def get_rate(self) -> str:
        return settings.THROTTLE_RATES[str(self.scope)]

    def allow_request(self, request: Any, view: Any) -> bool:
        self.rate = self.get_rate()
        self.num_requests, self.duration = self.parse_rate(self.rate)
        # Counters live in Redis: without it the request goes through, like the rate limits.
        return with_cache(
            "throttle", lambda: SimpleRateThrottle.allow_request(self, request, view), lambda: True
        )


class AuthIpThrottle(_SettingsRateThrottle):
    scope = "auth_ip"

    def get_cache_key(self, request: Any, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class AuthAccountThrottle(_SettingsRateThrottle):
    """Limits guesses against one account from one address (bucket). Per account and address,
    not per account alone: guesses from elsewhere must not lock the owner out of their account
    (every address is also held to `auth_ip` across accounts)."""

    scope = "auth_account"

    def get_cache_key(self, request: Any, view: Any) -> str | None:
        data = request.data if isinstance(request.data, dict) else {}
        email = data.get("email")
        if not isinstance(email, str) or not email.strip():
            return None
        # Hashed: the address is untrusted text (NUL, lone surrogates) and must not be a key.
        normalized = email.strip().lower().encode("utf-8", "surrogatepass")
        address = self.get_ident(request).encode("utf-8", "surrogatepass")
        ident = hashlib.sha256(normalized + b"\0" + address).hexdigest()
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
