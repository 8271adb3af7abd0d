"""Operational endpoints outside the versioned API: liveness and readiness probes (without
authentication) and the Prometheus metrics (with their own token)."""

import redis
from django.conf import settings
from django.db import connections, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.crypto import constant_time_compare
from django.views.decorators.http import require_GET

from docket.core import metrics as metrics_
from docket.http.problems import (
    PROBLEM_CONTENT_TYPE,
    django_problem,
    not_found_view,
    problem_body,
)

_CHECK_TIMEOUT_SECONDS = 1


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """The process is up and serving; touches no dependency, so a database outage never
    makes the orchestrator restart healthy API processes."""
    return JsonResponse({"status": "ok"})


def _database_ready() -> str | None:
    try:
        with transaction.atomic(using="default"), connections["default"].cursor() as cursor:
            cursor.execute("SET LOCAL statement_timeout = %s", [_CHECK_TIMEOUT_SECONDS * 1000])
            cursor.execute("SELECT 1")
    except Exception as exc:  # noqa: BLE001 - any failure means not ready
        return type(exc).__name__
    return None


def _redis_ready() -> str | None:
    client = redis.Redis.from_url(
        settings.REDIS_URL,
        socket_connect_timeout=_CHECK_TIMEOUT_SECONDS,
        socket_timeout=_CHECK_TIMEOUT_SECONDS,
    )
    try:
        client.ping()
    except Exception as exc:  # noqa: BLE001
        return type(exc).__name__
    finally:
        client.close()
    return None


@require_GET
def readyz(request: HttpRequest) -> JsonResponse:
    """Ready to take traffic: the database answers within a short timeout (503 otherwise).

    Redis unreachable is `degraded`, still 200: the API answers without it (stickiness reads
    from the primary, throttles let requests through, docket.core.cache_fallback), and every
    API process shares one Redis, so a 503 would make the load balancer drop all of them at
    once and turn a Redis outage into a full API outage. Realtime is what is lost meanwhile."""
    database, redis_ = _database_ready(), _redis_ready()
    checks = {
        "database": "ok" if database is None else "failed",
        "redis": "ok" if redis_ is None else "failed",
    }
    if database is not None:
        body = problem_body(
            status_code=503,
            code="not_ready",
            title="Service unavailable",
            detail="Not ready: database unavailable.",
            request_id=getattr(request, "request_id", None),
        )
        body["checks"] = checks
        return JsonResponse(body, status=503, content_type=PROBLEM_CONTENT_TYPE)
    return JsonResponse({"status": "ok" if redis_ is None else "degraded", "checks": checks})


PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8"


@require_GET
def metrics(request: HttpRequest) -> HttpResponse:
    """Prometheus exposition for the scraper holding METRICS_TOKEN. Without a token configured
    the endpoint does not exist (404); a wrong or missing bearer token is a 401."""
    token = settings.METRICS_TOKEN
    if not token:
        return not_found_view(request)
    if not constant_time_compare(request.headers.get("Authorization", ""), f"Bearer {token}"):
        response = django_problem(
            request,
            status_code=401,
            code="not_authenticated",
            title="Not authenticated",
            detail="Metrics need `Authorization: Bearer` with the metrics token.",
        )
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    return HttpResponse(metrics_.api_exposition(), content_type=PROMETHEUS_TEXT)
