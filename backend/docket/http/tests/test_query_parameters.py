"""Query parameters an operation does not declare are refused with their names, on every
operation, from what the schema declares."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from docket.http.query_params import declared_query_parameters, schema_path

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"


def test_a_typo_in_a_filter_is_a_400_naming_it_not_every_issue(world, as_user):
    client = as_user(world.member)

    response = client.get(f"{ACME}/issues", {"assignees": "me", "limit": 10})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "validation_error"
    assert body["detail"] == "Unknown query parameter: `assignees`."
    assert body["errors"] == [
        {
            "field": "assignees",
            "code": "unknown_parameter",
            "message": "This operation takes no such parameter.",
        }
    ]
    # The declared spelling works
    assert client.get(f"{ACME}/issues", {"assignee": "me", "limit": 10}).status_code == 200


def test_every_unknown_name_is_listed_and_operations_without_parameters_refuse_them_too(
    world, as_user
):
    client = as_user(world.member)
    listed = client.get(f"{ACME}/projects/ENG/issues", {"zeta": "1", "alpha": "2", "state": ""})
    assert listed.status_code == 400
    assert [e["field"] for e in listed.json()["errors"]] == ["alpha", "zeta"]
    # A detail read and a write declare no query parameter at all
    assert client.get(f"{ACME}/issues/ENG-1?expand=all").status_code == 400
    patched = client.patch(f"{ACME}/issues/ENG-1?force=1", {"title": "Nope"}, format="json")
    assert patched.status_code == 400
    assert client.get(f"{ACME}/issues/ENG-1").json()["title"] != "Nope"
    # An anonymous caller is told to authenticate first
    assert as_user(None).get(f"{ACME}/issues?assignees=me").status_code == 401


def _routes(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def test_every_api_operation_is_found_by_its_route():
    # Each API view's route maps to the schema's path of the same operation: none is left
    # unchecked because its route and its schema path were spelled differently.
    declared = {path for path, _method in declared_query_parameters()}
    api_routes = {
        schema_path(route)
        for route, callback in _routes(get_resolver().url_patterns)
        if route.startswith("api/v1/")
        and hasattr(callback, "cls")
        and "schema" not in route
        and "docs" not in route
        and "redoc" not in route
    }
    assert api_routes == declared
