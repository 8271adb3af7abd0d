"""Regression tests for the outages and 500s found from outside (issue: core hardening).

Each answer is a 4xx problem+json; nothing is a 500, an HTML page, or an escaped exception.
"""

import asyncio
import base64
import json

import pytest
from django.test import Client, override_settings

from config.asgi import application
from docket.http.problems import PROBLEM_CONTENT_TYPE
from docket.projects.models import State
from docket.realtime.consumers import CLOSE_NOT_FOUND

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"
LIST_FILTERS = ["state", "state_category", "assignee", "label", "priority", "reporter", "parent"]


def assert_problem(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    body = response.json()
    if code:
        assert body["code"] == code, body
    return body


@pytest.mark.parametrize("name", LIST_FILTERS)
@pytest.mark.parametrize("value", ["%", "a%b", "%(value)s", "%s%s%s", "100%,me"])
def test_a_percent_sign_in_any_list_filter_is_a_400(world, as_user, name, value):
    response = as_user(world.admin).get(f"{ACME}/projects/ENG/issues", {name: value})
    body = assert_problem(response, 400, "validation_error")
    assert body["errors"][0]["field"] == name


@pytest.mark.parametrize(
    "query",
    [
        "-" * 33,
        "-" * 200,
        "- " * 100,
        "-" * 40 + "bug",
        "--a --b ---c",
        "a" + " -" * 60 + " b",
        '"' * 50 + "-" * 50,
        "or " * 60,
        "(" * 100,
    ],
)
def test_no_full_text_query_is_a_500(world, as_user, query):
    response = as_user(world.admin).get(f"{ACME}/issues", {"q": query})
    assert response.status_code in (200, 400), response.content[:300]


def test_a_run_of_negations_still_means_not(world, as_user):
    # "First ENG issue" and "First OPS issue": one `-` or many, "ops" is excluded.
    client = as_user(world.admin)
    keys = lambda q: {i["key"] for i in client.get(f"{ACME}/issues", {"q": q}).json()["results"]}  # noqa: E731
    assert keys("issue ---ops") == keys("issue -ops") == {"ENG-1"}


@pytest.mark.parametrize("move_to", ["xyz", "1", "%00", "' OR 1=1 --", "0" * 5000])
def test_a_malformed_move_to_is_a_400_and_deletes_nothing(world, as_user, move_to):
    state = State.objects.get(project=world.eng, name="Todo")
    response = as_user(world.admin).delete(
        f"{ACME}/projects/ENG/states/{state.id}", QUERY_STRING=f"move_to={move_to}"
    )
    body = assert_problem(response, 400, "validation_error")
    assert body["errors"][0]["field"] == "move_to"
    assert State.objects.filter(pk=state.pk).exists()


def _cursor(ordering: str, sort_value, row_id) -> str:
    payload = json.dumps({"o": ordering, "k": [sort_value, row_id]})
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


@pytest.mark.parametrize("value", ["a\u0000b", "\ud800", "x\udfff"])
def test_a_cursor_holding_nul_or_a_lone_surrogate_is_a_400(world, as_user, value):
    client = as_user(world.admin)
    for url, ordering in [(f"{ACME}/projects", "name"), (f"{ACME}/projects/ENG/labels", "name")]:
        response = client.get(url, {"ordering": ordering, "cursor": _cursor(ordering, value, "1")})
        assert_problem(response, 400, "validation_error")
    response = client.get(
        f"{ACME}/projects", {"ordering": "name", "cursor": _cursor("name", "ENG", value)}
    )
    assert_problem(response, 400, "validation_error")


@pytest.mark.parametrize(
    "body",
    [
        '{"title": "x", "priority": "\\ud800"}',
        '{"title": "x", "\\ud800": 1}',
        '{"title": "\\udfff"}',
        '{"title": "x", "label_ids": ["\\ud83d"]}',
    ],
)
def test_a_lone_surrogate_anywhere_in_a_body_is_a_400(world, as_user, body):
    response = as_user(world.member).generic(
        "POST", f"{ACME}/projects/ENG/issues", body, content_type="application/json"
    )
    problem = assert_problem(response, 400, "validation_error")
    assert problem["errors"][0]["code"] == "invalid_unicode"


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%C0%AF", "%00"])
def test_query_text_that_is_not_utf8_is_a_400(world, as_user, raw):
    # The UTF-8 encoding of a lone surrogate, and other invalid bytes, as an ordering
    response = as_user(world.member).get(f"{ACME}/projects", QUERY_STRING=f"ordering={raw}")
    assert_problem(response, 400)


@pytest.mark.parametrize(
    "path", ["/api/v1/nope", "/api/v1/workspaces/", "/api/v1/workspaces/acme/"]
)
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_unknown_api_paths_answer_problem_json_to_every_method_even_with_csrf_checks(
    world, path, method
):
    client = Client(enforce_csrf_checks=True)
    response = getattr(client, method)(path, "{}", content_type="application/json")
    assert_problem(response, 404, "not_found")


@override_settings(DEBUG=True)
@pytest.mark.parametrize("path", ["/", "/nope", "/static/nope.css", "/api/v1/nope"])
def test_no_technical_page_with_debug_on(world, path):
    response = Client().get(path)
    body = assert_problem(response, 404)
    assert "urlpatterns" not in json.dumps(body).lower()


@override_settings(DEBUG=True)
def test_a_bad_host_header_is_a_plain_400_with_debug_on():
    response = Client().get("/api/v1/workspaces", HTTP_HOST="evil.example")
    body = assert_problem(response, 400)
    assert "ALLOWED_HOSTS" not in json.dumps(body)


def test_a_websocket_handshake_is_refused_cleanly():
    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "websocket.connect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "websocket", "path": "/ws/", "headers": [], "query_string": b""}
    asyncio.run(application(scope, receive, send))
    assert sent == [{"type": "websocket.close", "code": CLOSE_NOT_FOUND}]


def test_the_renderer_writes_text_without_utf8_form_as_an_escape():
    from docket.core.renderers import SafeJSONRenderer

    rendered = SafeJSONRenderer().render({"detail": "bad \ud800 text", "ok": "é"})
    assert json.loads(rendered) == {"detail": "bad \ud800 text", "ok": "é"}


@pytest.mark.parametrize(
    ("value", "status"),
    [
        # Found by schemathesis: an offset Python parses and PostgreSQL refuses gave a 500
        ("0471-12-30T20:17:39.0+22:32", 200),
        ("2026-01-01T00:00:00-23:59", 200),
        # No UTC form at all (before year 1)
        ("0001-01-01T00:00:00+14:00", 400),
        ("not a time", 400),
    ],
)
def test_a_time_filter_with_any_offset_is_answered_not_a_500(world, as_user, value, status):
    response = as_user(world.member).get(
        "/api/v1/workspaces/acme/projects/ENG/issues", {"updated_since": value}
    )
    if status == 400:
        assert_problem(response, 400)
    else:
        assert response.status_code == 200, response.content
