"""Mechanisms every request goes through: request ids, the 500 path, health probes, CORS, keyset
pagination, the staff admin and the primary/replica router."""

import datetime
import json
import logging
import re
import threading

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.http import HttpRequest, HttpResponse
from django.test import Client, RequestFactory, override_settings
from django.urls import path
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.test import APIClient
from rest_framework.views import APIView

from docket.core import db_routers
from docket.core.logging import logging_config
from docket.core.models import Event
from docket.http import urls as root_urls
from docket.http.middleware import PrimaryDatabasePinMiddleware
from docket.issues.models import Issue
from docket.issues.services import issue_create
from docket.projects.services import project_create
from docket.testing.factories import UserFactory
from docket.testing.world import access_of

PROBLEM = "application/problem+json"
GENERATED_ID = re.compile(r"[0-9a-f]{32}")
SECRET = "db-password=hunter2 at /srv/docket/backend/docket/issues/services.py"


# --- a URLconf with views that crash, used only by the tests below ---------------------------


class ExplodingAPIView(APIView):
    authentication_classes: list = []
    permission_classes = [AllowAny]

    def get(self, request: Request) -> Response:
        raise RuntimeError(SECRET)


def exploding_django_view(request: HttpRequest) -> HttpResponse:
    raise RuntimeError(SECRET)


urlpatterns = [
    path("api/v1/test-only/explode", ExplodingAPIView.as_view()),
    path("test-only/explode", exploding_django_view),
    *root_urls.urlpatterns,
]
handler400 = root_urls.handler400
handler404 = root_urls.handler404
handler500 = root_urls.handler500


@pytest.fixture
def exploding_urls(settings):
    settings.ROOT_URLCONF = __name__


@pytest.fixture
def crash_client() -> APIClient:
    # The test client re-raises view exceptions by default; a real server answers instead.
    return APIClient(raise_request_exception=False)


def render_as_production_json(record: logging.LogRecord) -> dict:
    """Format a captured record the way production writes it (LOG_FORMAT=json)."""
    config = logging_config(log_format="json", level="INFO")["formatters"]["structured"]
    formatter = config["()"](**{key: value for key, value in config.items() if key != "()"})
    return json.loads(formatter.format(record))


def structlog_records(caplog, event: str) -> list[dict]:
    return [
        record.msg
        for record in caplog.records
        if isinstance(record.msg, dict) and record.msg.get("event") == event
    ]


# --- X-Request-ID ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "given", ["abc-123", "A.b_c:d-e", "0" * 128, "9f86d081884c7d659a2feaa0c55ad015"]
)
def test_acceptable_request_id_is_echoed(api, given):
    response = api.get("/healthz", HTTP_X_REQUEST_ID=given)

    assert response.status_code == 200
    assert response["X-Request-ID"] == given


@pytest.mark.parametrize(
    "given",
    [
        "",
        "0" * 129,
        "has spaces",
        " leading",
        "trailing ",
        "abc\n",
        "a\nb",
        "tab\there",
        "nul\x00",
        "semi;colon",
        "<script>alert(1)</script>",
        "ünïcode",
        "a/b",
        "a=b",
    ],
)
def test_unacceptable_request_id_is_replaced(api, given):
    response = api.get("/healthz", HTTP_X_REQUEST_ID=given)

    assert response.status_code == 200
    assert GENERATED_ID.fullmatch(response["X-Request-ID"]), response["X-Request-ID"]
    assert response["X-Request-ID"] != given


def test_request_id_is_generated_when_absent_and_differs_per_request(api):
    first = api.get("/healthz")["X-Request-ID"]
    second = api.get("/healthz")["X-Request-ID"]

    assert GENERATED_ID.fullmatch(first)
    assert GENERATED_ID.fullmatch(second)
    assert first != second


@pytest.mark.parametrize("given", [None, "client-id-42", "bad id"])
@pytest.mark.parametrize(
    ("method", "url", "role", "status"),
    [
        ("get", "/api/v1/nope", "member", 404),
        ("get", "/api/v1/workspaces/nope/issues", "member", 404),
        ("get", "/api/v1/workspaces/acme/issues", None, 401),
        ("get", "/api/v1/workspaces/acme/issues?limit=0", "member", 400),
        ("post", "/api/v1/workspaces/acme/projects/ENG/issues", "member", 400),
        ("put", "/api/v1/workspaces/acme/issues/ENG-1", "member", 405),
        ("delete", "/api/v1/workspaces/acme/projects/OPS", "guest", 404),
    ],
)
def test_problem_bodies_carry_the_request_id(world, as_user, given, method, url, role, status):
    client = as_user(world.user(role)) if role else APIClient()
    extra = {} if given is None else {"HTTP_X_REQUEST_ID": given}

    body = None if method == "get" else {"bogus": 1}

    response = getattr(client, method)(url, body, format="json", **extra)

    assert response.status_code == status, response.content
    assert response["Content-Type"] == PROBLEM
    request_id = response["X-Request-ID"]
    assert response.json()["request_id"] == request_id
    if given == "client-id-42":
        assert request_id == given
    else:
        assert GENERATED_ID.fullmatch(request_id)


def test_request_id_is_exposed_to_the_browser(api):
    response = api.get("/healthz", HTTP_ORIGIN="http://localhost:5173")

    exposed = [h.strip().lower() for h in response["Access-Control-Expose-Headers"].split(",")]
    assert "x-request-id" in exposed


# --- unhandled exceptions --------------------------------------------------------------------


def assert_opaque_500(response) -> dict:
    assert response.status_code == 500
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert set(body) == {"type", "title", "status", "code", "detail", "errors", "request_id"}
    assert body["status"] == 500
    assert body["code"] == "internal_error"
    assert body["type"] == "urn:docket:problem:internal_error"
    assert body["errors"] == []
    assert body["request_id"] == response["X-Request-ID"]
    text = response.content.decode()
    for leak in ("hunter2", "RuntimeError", "Traceback", "/srv/", ".py", "services"):
        assert leak not in text, leak
    return body


def test_crash_in_an_api_view_is_an_opaque_500_logged_with_the_request_id(
    exploding_urls, crash_client, caplog
):
    caplog.set_level(logging.INFO)

    response = crash_client.get("/api/v1/test-only/explode", HTTP_X_REQUEST_ID="crash-1")

    assert_opaque_500(response)
    assert response["X-Request-ID"] == "crash-1"
    [error] = structlog_records(caplog, "unhandled_error")
    assert error["request_id"] == "crash-1"
    assert isinstance(error["exc_info"], RuntimeError)
    assert SECRET in str(error["exc_info"])
    access = [line for line in structlog_records(caplog, "request") if line.get("status") == 500]
    assert [line["request_id"] for line in access] == ["crash-1"]


def test_crash_log_line_renders_as_json_with_request_id_and_traceback(
    exploding_urls, crash_client, caplog
):
    response = crash_client.get("/api/v1/test-only/explode")
    [record] = [
        r
        for r in caplog.records
        if isinstance(r.msg, dict) and r.msg.get("event") == "unhandled_error"
    ]

    line = render_as_production_json(record)

    assert line["request_id"] == response["X-Request-ID"]
    assert line["message"] == "unhandled_error"
    assert line["level"] == "error"
    assert "RuntimeError" in json.dumps(line["exception"])


def test_crash_in_a_plain_django_view_is_an_opaque_500_logged_with_the_request_id(
    exploding_urls, caplog
):
    client = Client(raise_request_exception=False)

    response = client.get("/test-only/explode", HTTP_X_REQUEST_ID="crash-2")

    assert_opaque_500(response)
    logged = [
        record
        for record in caplog.records
        if record.levelno >= logging.ERROR
        and isinstance(record.msg, dict)
        and record.msg.get("request_id") == "crash-2"
    ]
    [record] = logged
    line = render_as_production_json(record)
    assert line["message"] == "unhandled_error"
    assert "RuntimeError" in json.dumps(line["exception"])


# --- health probes ---------------------------------------------------------------------------


def test_healthz_is_ok_without_touching_the_database(db, api, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = api.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_healthz_works_where_database_access_is_forbidden(api):
    # No `db` fixture: pytest-django turns any query into an error.
    response = api.get("/healthz")

    assert response.status_code == 200


def test_healthz_needs_no_authentication_and_ignores_a_bad_token(api):
    api.credentials(HTTP_AUTHORIZATION="Bearer not-a-jwt")

    assert api.get("/healthz").status_code == 200


def test_readyz_is_ok_when_database_and_redis_answer(db, api):
    response = api.get("/readyz")

    assert response.status_code == 200, response.content
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "redis": "ok"}}


def test_readyz_is_200_degraded_when_redis_is_unreachable(db, api, settings):
    # The API answers without Redis (docket.core.cache_fallback): a 503 would make the load
    # balancer drop every API process at once.
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1

    response = api.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "degraded",
        "checks": {"database": "ok", "redis": "failed"},
    }
    assert "127.0.0.1" not in response.content.decode()


# --- CORS ------------------------------------------------------------------------------------


def preflight(api, origin: str):
    return api.options(
        "/api/v1/workspaces/acme/projects/ENG/issues",
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="authorization, content-type, x-request-id",
    )


def test_preflight_from_the_spa_origin_is_allowed_with_credentials(api):
    response = preflight(api, "http://localhost:5173")

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "http://localhost:5173"
    assert response["Access-Control-Allow-Credentials"] == "true"
    allowed_headers = {h.strip() for h in response["Access-Control-Allow-Headers"].split(",")}
    assert {"authorization", "content-type", "x-request-id"} <= allowed_headers
    assert "POST" in response["Access-Control-Allow-Methods"]


@pytest.mark.parametrize(
    "origin",
    [
        "http://evil.example",
        "https://localhost:5173",
        "http://localhost:5174",
        "http://localhost:5173.evil.example",
        "null",
    ],
)
def test_preflight_from_another_origin_is_not_allowed(api, origin):
    response = preflight(api, origin)

    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Credentials" not in response


def test_simple_request_from_another_origin_gets_no_cors_headers(world, as_user):
    response = as_user(world.member).get(
        "/api/v1/workspaces/acme/issues", HTTP_ORIGIN="http://evil.example"
    )

    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_simple_request_from_the_spa_origin_is_allowed(world, as_user):
    response = as_user(world.member).get(
        "/api/v1/workspaces/acme/issues", HTTP_ORIGIN="http://localhost:5173"
    )

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "http://localhost:5173"
    assert response["Access-Control-Allow-Credentials"] == "true"


# --- keyset pagination -----------------------------------------------------------------------

PAG_ISSUES = "/api/v1/workspaces/acme/projects/PAG/issues"
PRIORITIES = ["high", "urgent", "high", "none", "high", "low", "high"]
DUE_DATES = [
    datetime.date(2030, 5, 1),
    None,
    datetime.date(2030, 3, 1),
    datetime.date(2030, 5, 1),
    None,
    None,
    datetime.date(2030, 3, 1),
]


@pytest.fixture
def seven_issues(world) -> list[Issue]:
    """Seven issues in a fresh project, with ties in priority and due date across pages."""
    owner_membership = world.memberships["owner"]
    project = project_create(access=access_of(owner_membership), key="PAG", name="Pagination")
    for number, (priority, due) in enumerate(zip(PRIORITIES, DUE_DATES, strict=True), 1):
        issue_create(
            access=access_of(owner_membership),
            project=project,
            title=f"Issue {number}",
            priority=priority,
            due_date=due,
        )
    return list(Issue.objects.filter(project=project))


def walk(client, url: str, **params) -> list[list[str]]:
    """Every page's keys, following next_cursor until it is null."""
    pages: list[list[str]] = []
    cursor = None
    while True:
        query = dict(params) | ({"cursor": cursor} if cursor else {})
        response = client.get(url, query)
        assert response.status_code == 200, response.content
        body = response.json()
        pages.append([item["key"] for item in body["results"]])
        cursor = body["next_cursor"]
        if cursor is None:
            return pages
        assert len(pages) <= 10, "pagination does not end"


def expected_keys(issues: list[Issue], ordering: str) -> list[str]:
    sort_keys = {
        "created": lambda i: (i.created_at, i.id),
        "priority": lambda i: (i.priority, i.id),
        "due_date": lambda i: (i.due_date or datetime.date.max, i.id),
    }
    name = ordering.removeprefix("-")
    ordered = sorted(issues, key=sort_keys[name], reverse=ordering.startswith("-"))
    return [issue.key for issue in ordered]


@pytest.mark.parametrize("ordering", ["-created", "priority", "due_date"])
def test_keyset_walk_returns_every_issue_once_in_order(world, as_user, seven_issues, ordering):
    pages = walk(as_user(world.member), PAG_ISSUES, ordering=ordering, limit=3)

    assert [len(page) for page in pages] == [3, 3, 1]
    assert [key for page in pages for key in page] == expected_keys(seven_issues, ordering)


def test_due_date_ordering_puts_undated_issues_last(world, as_user, seven_issues):
    pages = walk(as_user(world.member), PAG_ISSUES, ordering="due_date", limit=3)
    by_key = {issue.key: issue for issue in seven_issues}

    due = [by_key[key].due_date for page in pages for key in page]

    assert due[-3:] == [None, None, None]
    assert due[:4] == sorted(due[:4])


def test_priority_ordering_puts_the_most_urgent_first(world, as_user, seven_issues):
    pages = walk(as_user(world.member), PAG_ISSUES, ordering="priority", limit=3)
    by_key = {issue.key: issue for issue in seven_issues}

    labels = [by_key[key].get_priority_display() for page in pages for key in page]

    assert labels == ["urgent", "high", "high", "high", "high", "low", "none"]


@pytest.mark.parametrize(
    "ordering",
    [
        "created",
        "-created",
        "updated",
        "-updated",
        "priority",
        "-priority",
        "due_date",
        "-due_date",
        "number",
        "-number",
    ],
)
@pytest.mark.parametrize("limit", [1, 2, 3, 6, 7, 100])
def test_every_ordering_and_page_size_returns_every_issue_exactly_once(
    world, as_user, seven_issues, ordering, limit
):
    pages = walk(as_user(world.member), PAG_ISSUES, ordering=ordering, limit=limit)
    keys = [key for page in pages for key in page]

    assert sorted(keys) == sorted(issue.key for issue in seven_issues)
    assert len(keys) == len(set(keys))
    assert all(len(page) == limit for page in pages[:-1])
    assert 1 <= len(pages[-1]) <= limit


def test_last_page_has_a_null_cursor(world, as_user, seven_issues):
    client = as_user(world.member)

    exact = client.get(PAG_ISSUES, {"limit": 7}).json()
    larger = client.get(PAG_ISSUES, {"limit": 8}).json()
    smaller = client.get(PAG_ISSUES, {"limit": 6}).json()

    assert len(exact["results"]) == 7
    assert exact["next_cursor"] is None
    assert len(larger["results"]) == 7
    assert larger["next_cursor"] is None
    assert len(smaller["results"]) == 6
    assert isinstance(smaller["next_cursor"], str)


def test_issue_created_during_a_walk_does_not_shift_later_pages(world, as_user, seven_issues):
    client = as_user(world.member)
    first = client.get(PAG_ISSUES, {"ordering": "-created", "limit": 3}).json()
    issue_create(
        access=access_of(world.memberships["owner"]),
        project=seven_issues[0].project,
        title="Newcomer",
    )

    rest = walk(client, PAG_ISSUES, ordering="-created", limit=3, cursor=first["next_cursor"])

    seen = [item["key"] for item in first["results"]] + [key for page in rest for key in page]
    assert seen == expected_keys(seven_issues, "-created")


# --- the staff admin -------------------------------------------------------------------------


def admin_path() -> str:
    return "/" + settings.ADMIN_URL


# The admin is off unless enabled; these tests enable it themselves, whatever ran before them.
with_admin = override_settings(ROOT_URLCONF="docket.core.tests.urls_with_admin", ADMIN_ENABLED=True)


@with_admin
def test_admin_is_reachable_for_staff(db):
    staff = UserFactory(is_staff=True)
    client = Client()
    client.force_login(staff)

    response = client.get(admin_path())

    assert response.status_code == 200


@pytest.mark.parametrize("is_active_member", [True, False])
@with_admin
def test_admin_redirects_non_staff_to_login(world, is_active_member):
    client = Client()
    if is_active_member:
        client.force_login(world.owner)  # a workspace owner is not staff

    response = client.get(admin_path())

    assert response.status_code == 302
    assert response["Location"].startswith(f"{admin_path()}login/")
    assert f"next={admin_path()}" in response["Location"]


@with_admin
def test_admin_does_not_accept_an_api_token(db, as_user):
    staff = UserFactory(is_staff=True)

    response = as_user(staff).get(admin_path())

    assert response.status_code == 302
    assert response["Location"].startswith(f"{admin_path()}login/")


# --- the primary/replica router --------------------------------------------------------------

router = db_routers.PrimaryReplicaRouter()


def test_reads_go_to_the_replica_outside_transactions():
    assert not connections["default"].in_atomic_block
    assert router.db_for_read(Issue) == "replica"
    assert Issue.objects.all().db == "replica"
    assert Event.objects.all().db == "replica"


def test_writes_and_migrations_go_to_the_primary():
    assert router.db_for_write(Issue) == "default"
    assert router.allow_migrate("default", "issues") is True
    assert router.allow_migrate("replica", "issues") is False


@pytest.mark.django_db(transaction=True)
def test_reads_go_to_the_primary_inside_a_transaction():
    assert router.db_for_read(Issue) == "replica"

    with transaction.atomic():
        assert router.db_for_read(Issue) == "default"
        assert Issue.objects.all().db == "default"
        with transaction.atomic():
            assert router.db_for_read(Issue) == "default"

    assert router.db_for_read(Issue) == "replica"


def test_pinning_sends_reads_to_the_primary_and_is_undone():
    with db_routers.pinned_to_primary():
        assert router.db_for_read(Issue) == "default"
        with db_routers.pinned_to_primary():
            assert router.db_for_read(Issue) == "default"
        assert router.db_for_read(Issue) == "default"

    assert router.db_for_read(Issue) == "replica"


def test_pinning_does_not_leak_to_other_threads():
    seen: list[str] = []

    with db_routers.pinned_to_primary():
        thread = threading.Thread(target=lambda: seen.append(router.db_for_read(Issue)))
        thread.start()
        thread.join()

    assert seen == ["replica"]


def _routed_during(method: str, *, raises: bool = False) -> str:
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(router.db_for_read(Issue))
        if raises:
            raise RuntimeError("boom")
        return HttpResponse()

    request = RequestFactory().generic(method, "/api/v1/anything")
    try:
        PrimaryDatabasePinMiddleware(view)(request)
    except RuntimeError:
        assert raises
    return seen[0]


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_request_with_an_unsafe_method_reads_from_the_primary(method):
    assert _routed_during(method) == "default"
    assert router.db_for_read(Issue) == "replica"


@pytest.mark.parametrize("method", ["GET", "HEAD", "OPTIONS"])
def test_a_request_with_a_safe_method_reads_from_the_replica(method):
    assert _routed_during(method) == "replica"


def test_pin_is_released_when_the_view_raises():
    assert _routed_during("POST", raises=True) == "default"
    assert router.db_for_read(Issue) == "replica"
