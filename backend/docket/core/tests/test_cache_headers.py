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


def test_an_answer_with_an_etag_may_be_kept_privately_and_is_revalidated(world, as_user):
    # Given an issue read with its ETag
    client = as_user(world.member)
    first = client.get("/api/v1/workspaces/acme/issues/ENG-1")

    # Then a private cache may keep it, provided it revalidates before each use
    assert first["Cache-Control"] == "private, no-cache"
    # And the revalidation answers 304 with the same tag and the same policy
    again = client.get("/api/v1/workspaces/acme/issues/ENG-1", HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, again["Cache-Control"]) == (304, "private, no-cache")
    assert again["ETag"] == first["ETag"]
    # A write's answer carries the new tag under the same policy
    patched = client.patch("/api/v1/workspaces/acme/issues/ENG-1", {"title": "Kept"})
    assert patched["Cache-Control"] == "private, no-cache"
