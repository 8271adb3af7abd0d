"""Request-wide middleware: request ids, the access log, the problem fallback, and
primary-database pinning."""

import re
import time
import uuid
from collections.abc import Callable

import structlog
from django.conf import settings
from django.http import HttpRequest, HttpResponse

from docket.core import db_routers, metrics, ratelimit
from docket.http.problems import outage_response, problem_json_response

access_logger = structlog.get_logger("docket.access")
logger = structlog.get_logger(__name__)

# A client-supplied id is echoed back only if it is short and harmless in logs and headers.
_ACCEPTABLE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Take X-Request-ID from the caller (or make one), bind it to logs, return it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        incoming = request.headers.get("X-Request-ID", "")
        # fullmatch: with match(), `$` also accepts a trailing newline, which breaks the header.
        request_id = incoming if _ACCEPTABLE_REQUEST_ID.fullmatch(incoming) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        return response


# A label value per made-up method would grow the metrics without bound.
_KNOWN_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE"})


class AccessLogMiddleware:
    """One line per request with status and duration (user and workspace come from the view),
    and the same request counted in the metrics by its route pattern."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        structlog.contextvars.bind_contextvars(method=request.method, path=request.path)
        response = self.get_response(request)
        duration = time.perf_counter() - started
        match = getattr(request, "resolver_match", None)
        route = match.route if match else None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            structlog.contextvars.bind_contextvars(user_id=str(user.pk))
        access_logger.info(
            "request",
            route=route,
            status=response.status_code,
            duration_ms=round(duration * 1000, 2),
        )
        method = request.method if request.method in _KNOWN_METHODS else "other"
        metrics.HTTP_REQUESTS.labels(
            method=method, route=route or "unmatched", status=response.status_code
        ).inc()
        metrics.HTTP_DURATION.labels(method=method, route=route or "unmatched").observe(duration)
        structlog.contextvars.clear_contextvars()
        return response


class PrimaryDatabasePinMiddleware:
    """Requests that write read from the primary, and make their user sticky to it for a few
    seconds afterwards, so a client always reads its own writes. Requests that only read are
    pinned by authentication when the user is sticky (docket.core.authentication)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = db_routers.reset_pin()
        try:
            if request.method in ("GET", "HEAD", "OPTIONS"):
                return self.get_response(request)
            with db_routers.pinned_to_primary():
                response = self.get_response(request)
            user = getattr(request, "user", None)
            if response.status_code < 400 and user is not None and user.is_authenticated:
                db_routers.stick_user_to_primary(user.pk)
            return response
        finally:
            db_routers.restore_pin(token)


class RateLimitHeadersMiddleware:
    """The IETF `RateLimit` and `RateLimit-Policy` fields on every answer whose request was
    counted against a rate limit (docket.core.throttling): successes, refusals, 304s and the
    429 itself. A replayed answer (docket.http.idempotency) is counted like any request and
    carries them too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        usages = getattr(request, ratelimit.USAGES_ATTRIBUTE, None)
        if usages:
            for name, value in ratelimit.response_headers(usages).items():
                response[name] = value
        return response


class ProblemFallbackMiddleware:
    """The last line: whatever happens below, the answer is problem+json and the request ends
    normally (so Django's request_finished returns the pooled database connection).

    Django turns exceptions into responses itself, but with DEBUG on it renders technical pages
    (settings, URL list), and rendering one can fail in turn and escape. This catches what
    escapes, and replaces any HTML error page outside the staff admin, in every environment.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            response = self.get_response(request)
        except Exception as error:
            outage = outage_response(request, error)
            if outage is not None:
                return outage
            logger.exception("unhandled_error")
            return problem_json_response(request, status_code=500)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code >= 400 and is_html and not self._is_admin(request):
            return problem_json_response(request, status_code=response.status_code)
        return response

    @staticmethod
    def _is_admin(request: HttpRequest) -> bool:
        return settings.ADMIN_ENABLED and request.path.startswith(f"/{settings.ADMIN_URL}")


class PrivateCacheMiddleware:
    """Answers to an authenticated caller are theirs alone: no shared cache may keep them, unless
    a view says otherwise with its own Cache-Control. An answer with an ETag may be kept by the
    caller's own cache (`private, no-cache`): it revalidates with If-None-Match before every use
    and gets a 304 while the tag still holds. Any other is `private, no-store`."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)  # DRF sets it on the request once authenticated
        authenticated = user is not None and user.is_authenticated
        if (authenticated or "HTTP_AUTHORIZATION" in request.META) and (
            "Cache-Control" not in response
        ):
            revalidates = "ETag" in response
            response["Cache-Control"] = "private, no-cache" if revalidates else "private, no-store"
        return response
