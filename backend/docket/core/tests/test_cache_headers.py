"""Authenticated answers are private and never stored; public ones are left alone."""

import pytest

pytestmark = pytest.mark.django_db


def test_authenticated_answers_are_not_stored(world, as_user, api):
    client = as_user(world.member)
    for path in ("/api/v1/me", "/api/v1/workspaces/acme/issues", "/api/v1/workspaces/acme/nope"):
        assert client.get(path)["Cache-Control"] == "private, no-store", path
    # A refused token gets the same (it carried credentials)
    api.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert api.get("/api/v1/me")["Cache-Control"] == "private, no-store"


def test_public_answers_keep_their_own_caching(api):
    assert "Cache-Control" not in api.get("/healthz")
    assert api.get("/api/v1/schema/").status_code == 200
