"""Issue endpoints through HTTP with real JWTs: lists, filters, search, query counts, RPCs."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from docket.core.models import Event
from docket.issues.models import Issue
from docket.issues.services import issue_create
from docket.projects.models import State
from docket.projects.services import label_create
from docket.testing.world import access_of

pytestmark = pytest.mark.django_db

ENG = "/api/v1/workspaces/acme/projects/ENG/issues"
ALL = "/api/v1/workspaces/acme/issues"


def _issue(world, title, **fields):
    return issue_create(
        access=access_of(world.memberships["owner"]),
        project=world.eng,
        title=title,
        **fields,
    )


def _keys(response):
    assert response.status_code == 200, response.content
    return [item["key"] for item in response.json()["results"]]


def _fill(world, count):
    labels = [
        label_create(
            access=access_of(world.memberships["owner"]),
            project=world.eng,
            name=f"l{n}",
            color="#123456",
        )
        for n in range(3)
    ]
    people = [world.owner.id, world.admin.id, world.member.id]
    for n in range(count):
        _issue(
            world,
            f"Bulk {n}",
            label_ids=[lb.id for lb in labels[: n % 3 + 1]],
            assignee_ids=people[: n % 3 + 1],
        )


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, response.content
    return len(queries), len(response.json()["results"])


@pytest.mark.parametrize("url", [ENG, ALL])
def test_list_query_count_does_not_grow_with_page_size(world, as_user, url):
    _fill(world, 100)
    client = as_user(world.member)
    small, small_rows = _count_queries(client, f"{url}?limit=1")
    large, large_rows = _count_queries(client, f"{url}?limit=100")
    assert (small_rows, large_rows) == (1, 100)
    assert small == large
    assert large <= 6


def test_guest_workspace_list_is_scoped_and_bounded(world, as_user):
    _fill(world, 30)
    client = as_user(world.guest)
    queries, rows = _count_queries(client, f"{ALL}?limit=100")
    assert queries <= 6
    keys = _keys(client.get(f"{ALL}?limit=100"))
    assert keys
    assert all(key.startswith("ENG-") for key in keys)
    assert rows == Issue.objects.filter(project=world.eng).count()


def test_outsider_never_sees_acme_issues(world, as_user):
    response = as_user(world.outsider).get(ALL)
    assert response.status_code == 404
    theirs = as_user(world.outsider).get("/api/v1/workspaces/other/issues")
    assert _keys(theirs) == ["ENG-1"]
    assert theirs.json()["results"][0]["title"] == "Theirs"


def test_filters(world, as_user):
    done = State.objects.get(project=world.eng, name="Done")
    urgent_mine = _issue(
        world,
        "Urgent mine",
        priority="urgent",
        assignee_ids=[world.member.id],
        due_date=date(2030, 1, 10),
    )
    labeled = _issue(
        world,
        "Labeled",
        label_ids=[world.eng_label.id],
        state_id=done.id,
        parent_id=urgent_mine.id,
        due_date=date(2030, 2, 1),
    )
    client = as_user(world.member)

    assert _keys(client.get(f"{ENG}?priority=urgent")) == [urgent_mine.key]
    assert set(_keys(client.get(f"{ENG}?priority=urgent,none"))) == {
        urgent_mine.key,
        labeled.key,
        "ENG-1",
    }
    assert _keys(client.get(f"{ENG}?assignee=me")) == [urgent_mine.key]
    assert set(_keys(client.get(f"{ENG}?assignee=none"))) == {"ENG-1", labeled.key}
    assert set(_keys(client.get(f"{ENG}?label={world.eng_label.id}"))) == {"ENG-1", labeled.key}
    assert _keys(client.get(f"{ENG}?state={done.id}")) == [labeled.key]
    assert _keys(client.get(f"{ENG}?state_category=completed")) == [labeled.key]
    assert _keys(client.get(f"{ENG}?parent={urgent_mine.id}")) == [labeled.key]
    assert labeled.key not in _keys(client.get(f"{ENG}?parent=none"))
    assert _keys(client.get(f"{ENG}?due_before=2030-01-15")) == [urgent_mine.key]
    assert _keys(client.get(f"{ENG}?due_after=2030-01-15")) == [labeled.key]
    assert set(_keys(client.get(f"{ENG}?reporter=me"))) == set()
    assert _keys(client.get(f"{ALL}?project=OPS")) == ["OPS-1"]


def test_full_text_search_uses_stemming(world, as_user):
    _issue(world, "Crash when uploading avatars", description="The uploader dies on big files")
    _issue(world, "Unrelated")
    client = as_user(world.member)
    assert _keys(client.get(f"{ENG}?q=upload")) == ["ENG-2"]
    assert _keys(client.get(f"{ENG}?q=files")) == ["ENG-2"]
    assert _keys(client.get(f"{ENG}?q=avatar -crash")) == []


def test_orderings(world, as_user):
    _issue(world, "Low", priority="low", due_date=date(2030, 3, 1))
    _issue(world, "Urgent", priority="urgent")
    _issue(world, "High", priority="high", due_date=date(2030, 1, 1))
    client = as_user(world.member)
    assert _keys(client.get(f"{ENG}?ordering=priority")) == ["ENG-3", "ENG-4", "ENG-2", "ENG-1"]
    assert _keys(client.get(f"{ENG}?ordering=due_date"))[:2] == ["ENG-4", "ENG-2"]
    assert _keys(client.get(f"{ENG}?ordering=number")) == ["ENG-1", "ENG-2", "ENG-3", "ENG-4"]
    assert _keys(client.get(f"{ENG}?ordering=-number")) == ["ENG-4", "ENG-3", "ENG-2", "ENG-1"]


def test_create_get_update_delete_roundtrip(world, as_user):
    client = as_user(world.member)
    created = client.post(
        ENG,
        {
            "title": "From the API",
            "priority": "high",
            "label_ids": [str(world.eng_label.id)],
            "assignee_ids": [str(world.admin.id)],
            "description": "**bold**",
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["key"] == "ENG-2"
    assert body["state"]["name"] == "Todo"
    assert body["reporter"]["id"] == str(world.member.id)
    assert [a["id"] for a in body["assignees"]] == [str(world.admin.id)]

    url = f"/api/v1/workspaces/acme/issues/{body['key']}"
    assert client.get(url).json()["description"] == "**bold**"
    patched = client.patch(url, {"title": "Renamed", "assignee_ids": [], "due_date": None})
    assert patched.status_code == 200, patched.content
    assert patched.json()["title"] == "Renamed"
    assert patched.json()["assignees"] == []

    activity = client.get(f"{url}/activity").json()["results"]
    assert [event["name"] for event in activity] == ["issue.created", "issue.updated"]
    assert activity[1]["changes"]["title"] == {"old": "From the API", "new": "Renamed"}

    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404
    assert Event.objects.filter(name="issue.deleted").count() == 1


def test_read_only_fields_cannot_be_written(world, as_user):
    url = "/api/v1/workspaces/acme/issues/ENG-1"
    response = as_user(world.member).patch(url, {"number": 99, "reporter": str(world.member.id)})
    assert response.status_code == 400
    assert {e["field"] for e in response.json()["errors"]} == {"number", "reporter"}
    world.eng_issue.refresh_from_db()
    assert world.eng_issue.number == 1


def test_move_endpoint_persists_board_order(world, as_user):
    progress = State.objects.get(project=world.eng, name="In Progress")
    first = _issue(world, "First", state_id=progress.id)
    client = as_user(world.member)
    moved = client.post(
        "/api/v1/workspaces/acme/issues/ENG-1/move",
        {"state_id": str(progress.id), "before_id": str(first.id)},
    )
    assert moved.status_code == 200, moved.content
    assert moved.json()["state"]["name"] == "In Progress"
    column = client.get(f"{ENG}?state={progress.id}&ordering=number").json()["results"]
    by_position = sorted(column, key=lambda item: item["position"])
    assert [item["key"] for item in by_position] == ["ENG-1", first.key]


def test_bulk_update_reports_each_item(world, as_user):
    done = State.objects.get(project=world.eng, name="Done")
    second = _issue(world, "Second")
    response = as_user(world.member).post(
        "/api/v1/workspaces/acme/issues/bulk-update",
        {
            "keys": ["ENG-1", second.key, "OPS-1", "ENG-999"],
            "changes": {"state_id": str(done.id), "priority": "low"},
        },
    )
    assert response.status_code == 200, response.content
    results = {item["key"]: item for item in response.json()["results"]}
    assert results["ENG-1"]["ok"]
    assert results[second.key]["ok"]
    assert results["ENG-1"]["issue"]["state"]["name"] == "Done"
    # Done is a state of ENG, not OPS: that item alone is refused.
    assert results["OPS-1"]["ok"] is False
    assert results["OPS-1"]["error"]["code"] == "validation_error"
    assert results["ENG-999"]["error"]["code"] == "issue_not_found"
    world.ops_issue.refresh_from_db()
    assert world.ops_issue.priority != 4  # the refused item kept its priority too


def test_bulk_update_caps_at_one_hundred(world, as_user):
    keys = [f"ENG-{n}" for n in range(1, 102)]
    response = as_user(world.member).post(
        "/api/v1/workspaces/acme/issues/bulk-update", {"keys": keys, "changes": {"priority": "low"}}
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "keys"


@pytest.mark.parametrize("malformed", ["ENG-0", "ENG-007", "eng-1", "E-1", "ENG-12345678901"])
def test_bulk_update_refuses_a_malformed_key_as_the_urls_do(world, as_user, malformed):
    # Given a key no issue can have (numbers start at 1, with no leading zero)
    priority = world.eng_issue.priority
    # When it is part of a bulk update
    response = as_user(world.member).post(
        "/api/v1/workspaces/acme/issues/bulk-update",
        {"keys": ["ENG-1", malformed], "changes": {"priority": "low"}},
    )
    # Then the whole request is refused as invalid input, and nothing changed
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["errors"][0]["field"].startswith("keys")
    world.eng_issue.refresh_from_db()
    assert world.eng_issue.priority == priority


def test_comments_roundtrip_and_activity(world, as_user):
    url = "/api/v1/workspaces/acme/issues/ENG-1/comments"
    guest = as_user(world.guest)
    created = guest.post(url, {"body": "Guest *question*"})
    assert created.status_code == 201, created.content
    comments = guest.get(url).json()["results"]
    assert [c["body"] for c in comments] == ["Seen it.", "Guest *question*"]
    edit = guest.patch(f"{url}/{world.member_comment.id}", {"body": "hijack"})
    assert edit.status_code == 403
    own = guest.patch(f"{url}/{created.json()['id']}", {"body": "Better question"})
    assert own.status_code == 200
    assert own.json()["edited_at"]
