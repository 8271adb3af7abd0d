"""The HTTP edge of errors: every refusal leaves as RFC 9457 problem details.

Services raise domain errors (docket.core.errors) with a stable `code`; DRF raises its own while
parsing and authenticating. `problem_exception_handler` (DRF's EXCEPTION_HANDLER) and the
handler404/400/500 views turn either into `application/problem+json`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from typing import Any

import structlog
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions as drf_exceptions
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import set_rollback

from docket.core.errors import (
    ApplicationError,
    Conflict,
    FieldError,
    NotFound,
    PermissionDenied,
    PreconditionFailed,
    TooManyAttempts,
    Unauthenticated,
    ValidationFailed,
)
from docket.core.throttling import rate_limit_refused_credentials

logger = structlog.get_logger(__name__)

PROBLEM_CONTENT_TYPE = "application/problem+json"

# Each kind of domain error, as HTTP: (status, title).
STATUS_OF: dict[type[ApplicationError], tuple[int, str]] = {
    ValidationFailed: (400, "Invalid input"),
    Unauthenticated: (401, "Authentication required"),
    PermissionDenied: (403, "Permission denied"),
    NotFound: (404, "Not found"),
    Conflict: (409, "Conflict"),
    PreconditionFailed: (412, "Precondition failed"),
    TooManyAttempts: (429, "Too many requests"),
    ApplicationError: (400, "Bad request"),
}


def status_of(error: ApplicationError) -> tuple[int, str]:
    """The status and title of a domain error (its nearest mapped class)."""
    for kind in type(error).__mro__:
        if kind in STATUS_OF:
            return STATUS_OF[kind]
    return STATUS_OF[ApplicationError]


# A dependency that is down right now, as (code, detail): the request may succeed if retried in
# a few seconds (503 with Retry-After), unlike a bug (500). A database error that is the
# server's answer to the query (IntegrityError, a statement timeout) is not an outage.
OUTAGE_RETRY_AFTER_SECONDS = 5
OUTAGES = {
    "database_unavailable": (
        "database_unavailable",
        "The database is unavailable; retry in a few seconds.",
    ),
    "cache_unavailable": (
        "cache_unavailable",
        "A shared service is unavailable; retry in a few seconds.",
    ),
}


def outage_of(exc: BaseException | None) -> tuple[str, str] | None:
    """The 503 problem `exc` stands for, if it says a dependency is unreachable."""
    from django.db import InterfaceError, OperationalError

    from docket.core.cache_fallback import REDIS_ERRORS

    if isinstance(exc, InterfaceError) or (
        isinstance(exc, OperationalError) and _is_connection_failure(exc)
    ):
        return OUTAGES["database_unavailable"]
    if isinstance(exc, REDIS_ERRORS):
        return OUTAGES["cache_unavailable"]
    return None


def _is_connection_failure(exc: BaseException) -> bool:
    import psycopg

    cause = exc.__cause__
    # psycopg's OperationalError is a lost or refused connection, an admin shutdown, or a pool
    # that could not hand one out; a cancelled statement (timeout) is its subclass QueryCanceled.
    return not isinstance(cause, psycopg.errors.QueryCanceled | psycopg.errors.LockNotAvailable)


def outage_body(code: str, detail: str, request_id: str | None) -> dict[str, Any]:
    return problem_body(
        status_code=503,
        code=code,
        title="Service unavailable",
        detail=detail,
        request_id=request_id,
    )


def problem_type(code: str) -> str:
    return f"urn:docket:problem:{code}"


_DRF_TITLES = {
    400: "Bad request",
    401: "Authentication required",
    403: "Permission denied",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    413: "Request too large",
    503: "Service unavailable",
    415: "Unsupported media type",
    429: "Too many requests",
}


def problem_body(
    *,
    status_code: int,
    code: str,
    title: str,
    detail: str,
    errors: Iterable[FieldError] = (),
    request_id: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "type": problem_type(code),
        "title": title,
        "status": status_code,
        "code": code,
        "detail": detail,
        "errors": [error.as_dict() for error in errors],
    }
    if request_id:
        body["request_id"] = request_id
    return body


def _flatten_validation(detail: Any, prefix: str | None = None) -> list[FieldError]:
    """Turn DRF's nested error structure into a flat list of field errors."""
    if isinstance(detail, Mapping):
        flat: list[FieldError] = []
        for key, value in detail.items():
            name = None if key in ("non_field_errors", "__all__") else str(key)
            path = name if prefix is None else (prefix if name is None else f"{prefix}.{name}")
            flat.extend(_flatten_validation(value, path))
        return flat
    if isinstance(detail, list):
        flat = []
        for index, item in enumerate(detail):
            if isinstance(item, Mapping | list):
                path = str(index) if prefix is None else f"{prefix}.{index}"
                flat.extend(_flatten_validation(item, path))
            else:
                flat.extend(_flatten_validation(item, prefix))
        return flat
    code = getattr(detail, "code", None) or "invalid"
    return [FieldError(prefix, str(code), str(detail))]


def item_problem(error: ApplicationError | drf_exceptions.ValidationError) -> dict[str, Any]:
    """The problem body of one refused item of a batch request, as it would be for the item
    sent alone (without a request id: the whole answer has one)."""
    if isinstance(error, drf_exceptions.ValidationError):
        errors = _flatten_validation(error.detail)
        error = ValidationFailed(
            errors[0].message if len(errors) == 1 else "The input is not valid.", errors=errors
        )
    status_code, title = status_of(error)
    return problem_body(
        status_code=status_code,
        code=error.code,
        title=title,
        detail=error.message,
        errors=error.errors,
    )


def _request_id(context: Mapping[str, Any]) -> str | None:
    request = context.get("request")
    return getattr(request, "request_id", None) if request is not None else None


def problem_response(body: dict[str, Any], headers: Mapping[str, str] | None = None) -> Response:
    return Response(body, status=body["status"], headers=headers, content_type=PROBLEM_CONTENT_TYPE)


def problem_exception_handler(exc: Exception, context: Mapping[str, Any]) -> Response:
    """DRF's EXCEPTION_HANDLER: every error leaves as problem+json; nothing internal leaks."""
    request_id = _request_id(context)
    request = context.get("request")
    if isinstance(exc, drf_exceptions.NotAuthenticated | drf_exceptions.AuthenticationFailed) and (
        isinstance(request, Request)
    ):
        exc = rate_limit_refused_credentials(request) or exc
    if isinstance(exc, Http404):
        exc = NotFound("Not found.")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = PermissionDenied("You do not have permission to perform this action.")
    elif isinstance(exc, RequestDataTooBig):
        # DRF reads JSON bodies through request.body, which checks the declared Content-Length
        # against DATA_UPLOAD_MAX_MEMORY_SIZE before reading anything.
        from docket.core.parsers import RequestTooLarge

        exc = RequestTooLarge()

    if isinstance(exc, ApplicationError):
        set_rollback()
        status_code, title = status_of(exc)
        response = problem_response(
            problem_body(
                status_code=status_code,
                code=exc.code,
                title=title,
                detail=exc.message,
                errors=exc.errors,
                request_id=request_id,
            )
        )
        if isinstance(exc, TooManyAttempts):
            response["Retry-After"] = str(exc.retry_after)
        return response

    if isinstance(exc, drf_exceptions.ValidationError):
        set_rollback()
        errors = _flatten_validation(exc.detail)
        return problem_response(
            problem_body(
                status_code=400,
                code="validation_error",
                title="Invalid input",
                detail=errors[0].message if len(errors) == 1 else "The input is not valid.",
                errors=errors,
                request_id=request_id,
            )
        )

    if isinstance(exc, drf_exceptions.APIException):
        set_rollback()
        headers: dict[str, str] = {}
        if getattr(exc, "auth_header", None):
            headers["WWW-Authenticate"] = exc.auth_header  # type: ignore[attr-defined]
        if getattr(exc, "wait", None) is not None:
            headers["Retry-After"] = str(max(1, int(exc.wait + 0.999)))  # type: ignore[attr-defined]
        detail = exc.detail
        if isinstance(detail, Mapping):
            # simplejwt puts {"detail": ..., "code": ...} here.
            code = str(detail.get("code") or exc.default_code)
            message = str(detail.get("detail") or exc.default_detail)
        else:
            code = str(getattr(detail, "code", None) or exc.default_code)
            message = str(detail)
        return problem_response(
            problem_body(
                status_code=exc.status_code,
                code=code,
                title=_DRF_TITLES.get(exc.status_code, "Error"),
                detail=message,
                request_id=request_id,
            ),
            headers=headers,
        )

    set_rollback()
    outage = outage_of(exc)
    if outage is not None:
        logger.warning("dependency_unavailable", code=outage[0], error=type(exc).__name__)
        return problem_response(
            outage_body(*outage, request_id),
            headers={"Retry-After": str(OUTAGE_RETRY_AFTER_SECONDS)},
        )
    logger.error("unhandled_error", exc_info=exc)
    return problem_response(
        problem_body(
            status_code=500,
            code="internal_error",
            title="Internal server error",
            detail="Something went wrong on our side. Quote the request id when reporting it.",
            request_id=request_id,
        )
    )


def django_problem(
    request: HttpRequest, *, status_code: int, code: str, title: str, detail: str
) -> JsonResponse:
    """A problem+json answer from plain Django code (outside DRF views)."""
    body = problem_body(
        status_code=status_code,
        code=code,
        title=title,
        detail=detail,
        request_id=getattr(request, "request_id", None),
    )
    return JsonResponse(body, status=status_code, content_type=PROBLEM_CONTENT_TYPE)


# The code of a status Django answers outside any view that STATUS_PROBLEMS does not name.
FALLBACK_CODE = "error"
STATUS_PROBLEMS = {
    400: ("bad_request", "Bad request", "The request could not be understood."),
    403: ("permission_denied", "Permission denied", "This request is not allowed."),
    404: ("not_found", "Not found", "Not found."),
    405: ("method_not_allowed", "Method not allowed", "This method is not allowed here."),
    500: (
        "internal_error",
        "Internal server error",
        "Something went wrong on our side. Quote the request id when reporting it.",
    ),
}


def problem_json(
    request: HttpRequest, *, status_code: int, code: str, title: str, detail: str
) -> JsonResponse:
    """A problem+json answer from outside DRF's exception handler (middleware, and the view bases'
    answers before a handler runs)."""
    return django_problem(request, status_code=status_code, code=code, title=title, detail=detail)


def outage_response(request: HttpRequest, exc: BaseException | None) -> JsonResponse | None:
    """503 problem+json with Retry-After for a dependency outage outside DRF's handler."""
    outage = outage_of(exc)
    if outage is None:
        return None
    logger.warning("dependency_unavailable", code=outage[0], error=type(exc).__name__)
    body = outage_body(*outage, getattr(request, "request_id", None))
    response = JsonResponse(body, status=503, content_type=PROBLEM_CONTENT_TYPE)
    response["Retry-After"] = str(OUTAGE_RETRY_AFTER_SECONDS)
    return response


def problem_json_response(request: HttpRequest, *, status_code: int) -> JsonResponse:
    """A problem+json answer for a status alone (for pages Django would render as HTML)."""
    code, title, detail = STATUS_PROBLEMS.get(
        status_code, (FALLBACK_CODE, _DRF_TITLES.get(status_code, "Error"), "The request failed.")
    )
    return django_problem(request, status_code=status_code, code=code, title=title, detail=detail)


@csrf_exempt  # answers every method with a 404; the CSRF check would answer POST with HTML
def not_found_view(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    """handler404: unknown URLs answer in the API's error format, not an HTML page."""
    return django_problem(
        request, status_code=404, code="not_found", title="Not found", detail="Not found."
    )


def bad_request_view(request: HttpRequest, exception: Exception | None = None) -> JsonResponse:
    return django_problem(
        request,
        status_code=400,
        code="bad_request",
        title="Bad request",
        detail="The request could not be understood.",
    )


def server_error_view(request: HttpRequest) -> JsonResponse:
    # Django calls handler500 while handling the exception; django.request is silenced (see
    # docket.core.logging), so without this line a crash outside DRF would leave no traceback.
    outage = outage_response(request, sys.exc_info()[1])
    if outage is not None:
        return outage
    logger.error("unhandled_error", exc_info=sys.exc_info()[1])
    return django_problem(
        request,
        status_code=500,
        code="internal_error",
        title="Internal server error",
        detail="Something went wrong on our side. Quote the request id when reporting it.",
    )
