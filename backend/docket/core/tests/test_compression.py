"""Compressed JSON: the same bytes after decoding, the coding in the ETag, credentials never."""

from __future__ import annotations

import gzip
import json

import brotli
import pytest

from docket.issues.services import issue_create

PAGE = "/api/v1/workspaces/acme/projects/ENG/issues?limit=100"


@pytest.fixture
def hundred_issues(world):
    owner = world.access("owner")
    for n in range(99):
        issue_create(access=owner, project=world.eng, title=f"Issue number {n} of the page")
    return world


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "coding", "decode"),
    [
        ("gzip, deflate, br", "br", brotli.decompress),
        ("br;q=1.0, gzip;q=0.8", "br", brotli.decompress),
        ("gzip", "gzip", gzip.decompress),
        ("gzip, br;q=0", "gzip", gzip.decompress),
    ],
)
def test_a_page_of_100_issues_is_compressed_to_the_same_json(
    as_user, hundred_issues, accept, coding, decode
):
    client = as_user(hundred_issues.member)
    plain = client.get(PAGE)
    assert len(plain.json()["results"]) == 100
    assert "Content-Encoding" not in plain
    packed = client.get(PAGE, HTTP_ACCEPT_ENCODING=accept)
    assert packed["Content-Encoding"] == coding
    assert "Accept-Encoding" in packed["Vary"]
    assert int(packed["Content-Length"]) == len(packed.content) < len(plain.content) / 5
    assert json.loads(decode(packed.content)) == plain.json()


@pytest.mark.django_db
@pytest.mark.parametrize("accept", ["", "identity", "deflate", "br;q=0, gzip;q=0", "gzip;q=x"])
def test_without_an_accepted_coding_the_answer_is_plain(as_user, hundred_issues, accept):
    response = as_user(hundred_issues.member).get(PAGE, HTTP_ACCEPT_ENCODING=accept)
    assert "Content-Encoding" not in response
    assert len(response.json()["results"]) == 100


@pytest.mark.django_db
def test_small_answers_are_left_alone(as_user, world):
    response = as_user(world.member).get("/api/v1/me", HTTP_ACCEPT_ENCODING="br, gzip")
    assert "Content-Encoding" not in response
    assert response.json()["email"] == world.member.email


@pytest.mark.django_db
def test_answers_holding_credentials_are_never_compressed(api, world):
    world.member.set_password("a-long-enough-passphrase")
    world.member.save()
    response = api.post(
        "/api/v1/auth/token",
        {"email": world.member.email, "password": "a-long-enough-passphrase"},
        format="json",
        HTTP_ACCEPT_ENCODING="br, gzip",
    )
    assert response.status_code == 200
    assert "Content-Encoding" not in response


@pytest.mark.django_db
def test_a_compressed_issue_carries_its_coding_in_the_etag_and_conditionals_accept_it(
    as_user, world
):
    client = as_user(world.owner)
    path = f"/api/v1/workspaces/acme/issues/{world.eng_issue.key}"
    issue_create(access=world.access("owner"), project=world.eng, title="x")  # a longer body
    client.patch(path, {"description": "A description long enough. " * 60}, format="json")
    plain = client.get(path)
    packed = client.get(path, HTTP_ACCEPT_ENCODING="br")
    assert packed["Content-Encoding"] == "br"
    assert packed["ETag"] == plain["ETag"][:-1] + '-br"'
    # Either tag names the current issue: 304 on a read, and a write goes through
    assert client.get(path, HTTP_IF_NONE_MATCH=packed["ETag"]).status_code == 304
    assert client.get(path, HTTP_IF_NONE_MATCH=plain["ETag"]).status_code == 304
    changed = client.patch(path, {"title": "Renamed"}, format="json", HTTP_IF_MATCH=packed["ETag"])
    assert changed.status_code == 200
    # and the old compressed tag is now stale
    stale = client.patch(path, {"title": "Again"}, format="json", HTTP_IF_MATCH=packed["ETag"])
    assert stale.status_code == 412
