"""Token scopes over every operation of the access matrix: an owner's token lacking the scope an
operation declares gets 403 `insufficient_scope` and changes nothing; a token holding only that
scope gets the owner's answer. So each view's one declaration (docket.core.scopes.scopes_for) is
both enforced and sufficient, and a new endpoint without one refuses tokens."""

import pytest
from django.urls import resolve
from django.utils import timezone
from rest_framework.test import APIClient

from docket.core.authentication import required_scope
from docket.core.scopes import ALL_SCOPES, Scope
from docket.core.tests.test_access_matrix import MATRIX, Row, _Ids, check, make_ctx
from docket.workspaces.models import PersonalAccessToken
from docket.workspaces.services import token_create

pytestmark = pytest.mark.django_db(databases=["default", "replica", "analytics"])

# The operations no token may call (a session only): the rest of MATRIX declares a scope.
SESSION_ONLY = {
    ("POST", "/api/v1/workspaces"),
    *(
        (method, f"/api/v1/workspaces/acme/{path}")
        for method, path in [
            ("GET", "oauth-apps"),
            ("POST", "oauth-apps"),
            ("DELETE", "oauth-apps/{oauth_app}"),
            ("GET", "oauth-installations"),
            ("DELETE", "oauth-installations/{installation}"),
        ]
    ),
}


def _scope_of(row: Row) -> Scope | None:
    path = row.path.format_map(
        _Ids(project="ENG", issue="ENG-1", notification="1", installation="1")
    )
    view = resolve(path.split("?")[0]).func.view_class  # type: ignore[attr-defined]
    return required_scope(view, row.method)


def _owner_token(world, scopes) -> APIClient:
    created = token_create(
        actor=world.owner, workspace_slug="acme", name="bot", scopes=scopes, expires_at=None
    )
    # Used just now: no last-use write during the request, so a refusal changes no row at all.
    PersonalAccessToken.objects.filter(pk=created.token.pk).update(last_used_at=timezone.now())
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {created.secret}")
    return client


SCOPED = [row for row in MATRIX if (row.method, row.path) not in SESSION_ONLY]


def test_every_workspace_operation_declares_a_scope():
    undeclared = [row.id for row in SCOPED if _scope_of(row) is None]
    assert undeclared == []
    assert {(row.method, row.path) for row in MATRIX if _scope_of(row) is None} == SESSION_ONLY


@pytest.mark.parametrize("row", SCOPED, ids=lambda row: row.id)
def test_a_token_without_the_scope_gets_403_insufficient_scope(world, row: Row):
    # Every other scope: no broader one stands in for it.
    needed = _scope_of(row)
    assert needed is not None
    client = _owner_token(world, ALL_SCOPES - {needed.value})
    ctx = make_ctx(world, world.owner, project=world.eng, issue=world.eng_issue)

    check(client, ctx, row, 403, f"owner's token without {needed.value}")


@pytest.mark.parametrize("row", SCOPED, ids=lambda row: row.id)
def test_a_token_with_only_the_scope_gets_the_owners_answer(world, row: Row):
    needed = _scope_of(row)
    assert needed is not None
    client = _owner_token(world, [needed.value])
    ctx = make_ctx(world, world.owner, project=world.eng, issue=world.eng_issue)

    check(client, ctx, row, row.expect["owner"], f"owner's token with only {needed.value}")


def test_the_403_names_the_missing_scope(world):
    client = _owner_token(world, [Scope.ISSUES_READ])

    response = client.post("/api/v1/workspaces/acme/issues/ENG-1/comments", {"body": "Hi"})

    assert response.status_code == 403
    body = response.json()
    assert body["code"] == "insufficient_scope"
    assert "comments:write" in body["detail"]
