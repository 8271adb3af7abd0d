"""Issue search finds an issue by its human key as well as by its words."""

import pytest

from docket.issues.services import issue_create
from docket.testing.world import access_of

pytestmark = pytest.mark.django_db

ENG = "/api/v1/workspaces/acme/projects/ENG/issues"
ALL = "/api/v1/workspaces/acme/issues"


def _keys(response):
    assert response.status_code == 200, response.content
    return [item["key"] for item in response.json()["results"]]


def _issues(world, count):
    return [
        issue_create(
            access=access_of(world.memberships["owner"]), project=world.eng, title=f"Task {n}"
        )
        for n in range(count)
    ]


def test_search_finds_an_issue_by_its_key_in_any_case(world, as_user):
    # given a project with a dozen issues whose titles do not contain their keys
    _issues(world, 12)
    client = as_user(world.member)

    # when searching for a key, then that one issue comes back
    assert _keys(client.get(f"{ENG}?q=ENG-12")) == ["ENG-12"]
    assert _keys(client.get(f"{ENG}?q=eng-12")) == ["ENG-12"]
    assert _keys(client.get(f"{ALL}?q= ENG-3 ")) == ["ENG-3"]


def test_search_by_key_still_respects_project_and_visibility(world, as_user):
    _issues(world, 2)
    member = as_user(world.member)
    # a key of another project, or one that does not exist, finds nothing
    assert _keys(member.get(f"{ENG}?q=OPS-1")) == []
    assert _keys(member.get(f"{ENG}?q=ENG-999")) == []
    # a guest who was not added to OPS does not find its issues by key; ENG's they do
    guest = as_user(world.guest)
    assert _keys(guest.get(f"{ALL}?q=OPS-1")) == []
    assert _keys(guest.get(f"{ALL}?q=ENG-2")) == ["ENG-2"]
    assert _keys(member.get(f"{ALL}?q=OPS-1")) == ["OPS-1"]


def test_search_words_still_match_beside_keys(world, as_user):
    _issues(world, 2)
    client = as_user(world.member)
    assert "ENG-3" in _keys(client.get(f"{ENG}?q=task"))
