"""Projects, workflow states and labels through HTTP."""

import pytest

from docket.projects.models import Label, Project, State
from docket.projects.services import label_create
from docket.testing.world import access_of
from docket.workspaces.models import Membership

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"


def test_create_project_gets_default_workflow(world, as_user):
    response = as_user(world.member).post(f"{ACME}/projects", {"key": "WEB", "name": "Web"})
    assert response.status_code == 201, response.content
    states = as_user(world.member).get(f"{ACME}/projects/WEB/states").json()["results"]
    assert [(s["name"], s["category"]) for s in states] == [
        ("Backlog", "backlog"),
        ("Todo", "unstarted"),
        ("In Progress", "started"),
        ("Done", "completed"),
        ("Canceled", "canceled"),
    ]


@pytest.mark.parametrize("key", ["E", "eng", "TOOLONGKEYXX", "EN1"])
def test_project_key_is_validated(world, as_user, key):
    response = as_user(world.member).post(f"{ACME}/projects", {"key": key, "name": "X"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "key"


def test_project_key_unique_per_workspace_only(world, as_user):
    # `other` already has ENG; acme has ENG too; a second ENG in acme is refused.
    response = as_user(world.member).post(f"{ACME}/projects", {"key": "ENG", "name": "Again"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "key_taken"
    assert Project.objects.filter(key="ENG").count() == 2


def test_guest_sees_only_projects_they_were_added_to(world, as_user):
    guest = as_user(world.guest)
    keys = [p["key"] for p in guest.get(f"{ACME}/projects").json()["results"]]
    assert keys == ["ENG"]
    assert guest.get(f"{ACME}/projects/OPS").status_code == 404
    assert guest.get(f"{ACME}/issues/OPS-1").status_code == 404


def test_archive_hides_project_from_default_list(world, as_user):
    admin = as_user(world.admin)
    assert admin.post(f"{ACME}/projects/OPS/archive").json()["archived_at"]
    keys = [p["key"] for p in admin.get(f"{ACME}/projects").json()["results"]]
    assert keys == ["ENG"]
    everything = admin.get(f"{ACME}/projects?include_archived=true").json()["results"]
    assert [p["key"] for p in everything] == ["ENG", "OPS"]
    assert admin.post(f"{ACME}/projects/OPS/unarchive").json()["archived_at"] is None


def test_states_reorder_and_delete_with_move(world, as_user):
    admin = as_user(world.admin)
    base = f"{ACME}/projects/ENG/states"
    states = admin.get(base).json()["results"]
    reversed_ids = [s["id"] for s in reversed(states)]
    reordered = admin.post(f"{base}/reorder", {"state_ids": reversed_ids})
    assert reordered.status_code == 200
    assert [s["id"] for s in admin.get(base).json()["results"]] == reversed_ids

    partial = admin.post(f"{base}/reorder", {"state_ids": reversed_ids[:2]})
    assert partial.status_code == 400

    todo = State.objects.get(project=world.eng, name="Todo")
    backlog = State.objects.get(project=world.eng, name="Backlog")
    refused = admin.delete(f"{base}/{todo.id}")
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"] == "move_to"
    assert admin.delete(f"{base}/{todo.id}?move_to={backlog.id}").status_code == 204
    world.eng_issue.refresh_from_db()
    assert world.eng_issue.state_id == backlog.id


def test_label_names_unique_case_insensitively(world, as_user):
    client = as_user(world.member)
    base = f"{ACME}/projects/ENG/labels"
    response = client.post(base, {"name": "BUG", "color": "#00ff00"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "name_taken"
    bad_color = client.post(base, {"name": "ui", "color": "blue"})
    assert bad_color.status_code == 400
    assert bad_color.json()["errors"][0]["field"] == "color"
    created = client.post(base, {"name": "ui", "color": "#0000ff"}).json()
    renamed = client.patch(f"{base}/{created['id']}", {"name": "UI", "color": "#0000aa"})
    assert renamed.json() == {"id": created["id"], "name": "UI", "color": "#0000aa"}
    assert client.delete(f"{base}/{created['id']}").status_code == 204
    assert Label.objects.filter(project=world.eng).count() == 1


def test_admin_deletes_project_with_its_issues(world, as_user):
    assert as_user(world.member).delete(f"{ACME}/projects/OPS").status_code == 403
    assert as_user(world.admin).delete(f"{ACME}/projects/OPS").status_code == 204
    # Gone for everyone at once; its rows wait for the purge (docket/issues/tests/test_purge.py).
    assert as_user(world.admin).get(f"{ACME}/projects/OPS").status_code == 404
    assert Project.objects.get(workspace=world.workspace, key="OPS").deleted_at is not None
    assert as_user(world.admin).get(f"{ACME}/issues/OPS-1").status_code == 404


def test_labels_search_matches_part_of_a_name_in_this_project_only(world, as_user):
    # Given "bug" on ENG, "debugging" on ENG, and a "bug" label on another workspace's ENG
    owner = world.memberships["owner"]
    label_create(access=access_of(owner), project=world.eng, name="Debugging", color="#00ff00")
    label_create(access=access_of(owner), project=world.eng, name="ui", color="#0000ff")
    outsider = Membership.objects.get(user=world.outsider)
    theirs = access_of(outsider)
    label_create(access=theirs, project=world.other_project, name="bug", color="#0000ff")
    client = as_user(world.guest)  # a guest of ENG may search its labels too

    # When the picker asks for "BUG"
    found = client.get(f"{ACME}/projects/ENG/labels?search=BUG")

    # Then the two ENG labels containing it (name order, capitals first), none of the other
    # workspace
    assert found.status_code == 200
    assert [label["name"] for label in found.json()["results"]] == ["Debugging", "bug"]
    assert len(client.get(f"{ACME}/projects/ENG/labels?search=").json()["results"]) == 3


def test_labels_search_longer_than_100_characters_is_a_400(world, as_user):
    response = as_user(world.member).get(f"{ACME}/projects/ENG/labels?search={'x' * 101}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"] == "search"
