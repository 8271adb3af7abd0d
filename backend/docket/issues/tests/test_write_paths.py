"""Write endpoints: fixed query counts (bulk update does not grow with the batch), and the
refusals that a one-line change of the code would otherwise let through."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from docket.core.models import Event
from docket.issues.models import Comment, Issue
from docket.issues.services import comment_create, issue_create
from docket.projects.models import State
from docket.projects.services import project_set_archived

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"


def _queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code < 300, response.content
    return len(captured)


def _more_issues(world, count: int) -> list[Issue]:
    access = world.access("member")
    return [issue_create(access=access, project=world.eng, title=f"Bulk {n}") for n in range(count)]


# Queries per request, pinned exactly: a regression either way is noticed. Each includes 1 for
# the JWT's user and 1 for the access (membership, workspace and visible projects).
WRITE_QUERIES = {
    "create": 16,  # the answer is rendered by the database, as a GET is
    # The answer is the issue rendered by the database, one statement (as a GET renders it).
    "update": 15,
    "move": 13,
    # The cascade includes subscriptions, notifications and relations (one DELETE of both
    # directions); one more SELECT finds the related issues, whose history records the loss.
    "delete": 18,
    "comment": 7,
}


# Two projects' references resolved, then one lock, one UPDATE, one link DELETE and INSERT and
# one event INSERT for the whole batch, and the reload of the page of results.
BULK_QUERIES = 17


def test_write_endpoints_run_a_fixed_number_of_queries(world, as_user):
    client = as_user(world.member)
    done = State.objects.get(project=world.eng, name="Done")
    label = str(world.eng_label.id)
    counts = {
        "create": _queries(
            lambda: client.post(
                f"{ACME}/projects/ENG/issues",
                {"title": "New", "label_ids": [label], "assignee_ids": [str(world.member.id)]},
            )
        ),
        "update": _queries(
            lambda: client.patch(
                f"{ACME}/issues/ENG-1",
                {"title": "Renamed", "state_id": str(done.id), "assignee_ids": []},
            )
        ),
        "move": _queries(
            lambda: client.post(f"{ACME}/issues/ENG-2/move", {"state_id": str(done.id)})
        ),
        "delete": _queries(lambda: client.delete(f"{ACME}/issues/ENG-2")),
        "comment": _queries(
            lambda: client.post(f"{ACME}/issues/ENG-1/comments", {"body": "Noted."})
        ),
    }
    assert counts == WRITE_QUERIES


def test_bulk_update_costs_the_same_for_two_issues_and_for_forty(world, as_user):
    # Given 42 more issues in ENG (ENG-2 to ENG-43)
    _more_issues(world, 42)
    client = as_user(world.member)
    changes = {"priority": "high", "label_ids": [str(world.eng_label.id)]}

    def bulk(keys):
        return lambda: client.post(f"{ACME}/issues/bulk-update", {"keys": keys, "changes": changes})

    # When two issues are updated, then forty
    small = _queries(bulk(["ENG-2", "ENG-3"]))
    large = _queries(bulk([f"ENG-{n}" for n in range(4, 44)]))

    # Then the cost is the same, and every issue changed with one event each
    assert (small, large) == (BULK_QUERIES, BULK_QUERIES)
    assert Issue.objects.filter(project=world.eng, priority=2).count() == 42
    assert Event.objects.filter(name="issue.updated").count() == 42


def test_a_bulk_update_refuses_per_project_and_changes_the_rest(world, as_user):
    # Given OPS is archived
    project_set_archived(access=world.access("admin"), project=world.ops, archived=True)
    response = as_user(world.member).post(
        f"{ACME}/issues/bulk-update",
        {"keys": ["ENG-1", "OPS-1", "ENG-404"], "changes": {"priority": "urgent"}},
    )
    assert response.status_code == 200
    results = {item["key"]: item for item in response.json()["results"]}
    assert results["ENG-1"]["ok"] is True
    assert results["ENG-1"]["issue"]["priority"] == "urgent"
    assert results["OPS-1"]["error"]["code"] == "project_archived"
    assert results["ENG-404"]["error"]["code"] == "issue_not_found"
    assert Issue.objects.get(project=world.ops).priority != 1


def test_moving_an_issue_of_an_archived_project_is_refused_and_changes_nothing(world, as_user):
    project_set_archived(access=world.access("admin"), project=world.eng, archived=True)
    done = State.objects.get(project=world.eng, name="Done")
    before = Issue.objects.values("state_id", "position").get(pk=world.eng_issue.pk)
    events = Event.objects.count()

    response = as_user(world.member).post(f"{ACME}/issues/ENG-1/move", {"state_id": str(done.id)})

    assert response.status_code == 409
    assert response.json()["code"] == "project_archived"
    assert Issue.objects.values("state_id", "position").get(pk=world.eng_issue.pk) == before
    assert Event.objects.count() == events


def test_a_member_cannot_delete_someone_elses_comment(world, as_user):
    admins = comment_create(access=world.access("admin"), issue=world.eng_issue, body="Mine.")
    events = Event.objects.count()

    response = as_user(world.member).delete(f"{ACME}/issues/ENG-1/comments/{admins.id}")

    assert response.status_code == 403
    assert response.json()["code"] == "not_author"
    assert Comment.objects.filter(pk=admins.pk).exists()
    assert Event.objects.count() == events
    # ...while the author and an admin may.
    own = world.member_comment
    assert as_user(world.member).delete(f"{ACME}/issues/ENG-1/comments/{own.id}").status_code == 204
    assert (
        as_user(world.admin).delete(f"{ACME}/issues/ENG-1/comments/{admins.id}").status_code == 204
    )


def test_a_deleted_comment_leaves_no_text_in_the_activity(world, as_user):
    client = as_user(world.member)
    created = client.post(f"{ACME}/issues/ENG-1/comments", {"body": "my api key is hunter2"})
    client.delete(f"{ACME}/issues/ENG-1/comments/{created.json()['id']}")

    activity = client.get(f"{ACME}/issues/ENG-1/activity?limit=100").json()["results"]

    assert [e["name"] for e in activity][-2:] == ["comment.created", "comment.deleted"]
    assert "hunter2" not in str(activity)


def test_a_bulk_move_into_a_column_puts_the_newcomers_on_top_in_order(world, as_user):
    # Given ENG-2 already in Done, and ENG-3 and ENG-4 elsewhere
    done = State.objects.get(project=world.eng, name="Done")
    access = world.access("member")
    there = issue_create(access=access, project=world.eng, title="Already", state_id=done.id)
    _more_issues(world, 2)

    # When all three are bulk-moved to Done
    response = as_user(world.member).post(
        f"{ACME}/issues/bulk-update",
        {"keys": ["ENG-2", "ENG-3", "ENG-4"], "changes": {"state_id": str(done.id)}},
    )

    # Then the newcomers come first (in the order named), each in its own place, where a board
    # that loaded only the column's top sees them
    assert response.status_code == 200
    column = list(
        Issue.objects.filter(state=done).order_by("position").values_list("number", flat=True)
    )
    assert column == [3, 4, there.number]


def test_a_state_change_by_patch_lands_where_a_move_without_neighbours_does(world, as_user):
    # Given a Done column longer than a board's first page (25 cards)
    done = State.objects.get(project=world.eng, name="Done")
    access = world.access("member")
    for n in range(30):
        issue_create(access=access, project=world.eng, title=f"Done {n}", state_id=done.id)
    client = as_user(world.member)

    # When ENG-1 is put into Done by PATCH, then another issue by a move naming no neighbours
    patched = client.patch(f"{ACME}/issues/ENG-1", {"state_id": str(done.id)})
    moved_key = _more_issues(world, 1)[0].key
    moved = client.post(f"{ACME}/issues/{moved_key}/move", {"state_id": str(done.id)})

    # Then both are on the first page of the column as the board reads it, the later on top
    assert (patched.status_code, moved.status_code) == (200, 200)
    page = client.get(
        f"{ACME}/projects/ENG/issues?state={done.id}&ordering=position&limit=25"
    ).json()["results"]
    assert [item["key"] for item in page[:2]] == [moved_key, "ENG-1"]
