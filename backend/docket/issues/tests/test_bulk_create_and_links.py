"""Bulk create, and adding or removing one label or assignee without replacing the others:
per-item results, events in the same transaction, constant query counts, conditional writes."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from docket.core.models import Event
from docket.issues.models import Issue, IssueAssignee, IssueLabel
from docket.issues.services import issue_create
from docket.projects.models import Project, State
from docket.projects.services import label_create, project_set_archived

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"
BULK_CREATE = f"{ACME}/projects/ENG/issues/bulk-create"

# JWT user, access, project; the batch's references (states, labels, 2 for assignees);
# SAVEPOINT, the number block, the column locks and ends, three INSERTs and the events' INSERT;
# RELEASE; then the reload of the created issues (issues, assignees, labels).
BULK_CREATE_QUERIES = 18
# Pinned exactly, as the other write endpoints (test_write_paths.py): JWT user, access, issue,
# the label or user lookup, the row lock and re-read, the current links, the version UPDATE,
# the link write, the event, and the issue rendered by the database for the answer and its ETag.
LINK_QUERIES = {"label_add": 15, "label_remove": 15, "assignee_add": 15, "assignee_remove": 15}


def _queries(call) -> tuple[int, Any]:
    with CaptureQueriesContext(connection) as captured:
        response = call()
    assert response.status_code < 300, response.content
    return len(captured), response


def _item(world, n: int) -> dict:
    return {
        "title": f"Imported {n}",
        "priority": "high",
        "label_ids": [str(world.eng_label.id)],
        "assignee_ids": [str(world.member.id)],
    }


# --- Bulk create ---------------------------------------------------------------------------


def test_bulk_create_reports_each_item_in_request_order_and_creates_the_valid_ones(world, as_user):
    # Given a label of another project
    ops_label = label_create(
        access=world.access("owner"), project=world.ops, name="ops", color="#010203"
    )
    events = Event.objects.filter(name="issue.created").count()

    response = as_user(world.member).post(
        BULK_CREATE,
        {
            "issues": [
                {"title": "First", "label_ids": [str(world.eng_label.id)]},
                {"title": ""},  # invalid input
                {"title": "Foreign label", "label_ids": [str(ops_label.id)]},
                "not an object",
                {"title": "Last", "assignee_ids": [str(world.member.id)], "priority": "urgent"},
            ]
        },
    )

    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert [(r["index"], r["status"]) for r in results] == [
        (0, 201),
        (1, 400),
        (2, 400),
        (3, 400),
        (4, 201),
    ]
    # Numbers are allocated in request order, without gaps for refused items.
    assert [r["issue"]["key"] for r in results if r["issue"]] == ["ENG-2", "ENG-3"]
    assert results[0]["issue"]["labels"][0]["id"] == str(world.eng_label.id)
    assert results[0]["error"] is None
    assert results[4]["issue"]["assignees"][0]["id"] == str(world.member.id)
    assert results[4]["issue"]["priority"] == "urgent"
    assert "description" in results[4]["issue"]  # the full issue, as a single create returns
    assert results[1]["error"]["code"] == "validation_error"
    assert results[1]["error"]["errors"][0]["field"] == "title"
    assert results[1]["issue"] is None
    assert results[2]["error"]["errors"][0]["code"] == "invalid_label"
    assert results[3]["error"]["type"] == "urn:docket:problem:validation_error"
    assert Event.objects.filter(name="issue.created").count() == events + 2
    created = Event.objects.filter(name="issue.created", subject_label="ENG-3").get()
    assert created.changes["priority"]["new"] == "urgent"
    assert created.actor_id == world.member.id


def test_bulk_create_appends_after_the_column_in_order(world, as_user):
    todo = State.objects.get(project=world.eng, name="Todo")
    response = as_user(world.member).post(
        BULK_CREATE,
        {"issues": [{"title": f"N{n}", "state_id": str(todo.id)} for n in range(3)]},
    )

    assert response.status_code == 200
    column = list(Issue.objects.filter(state=todo).order_by("position").values_list("title"))
    assert column[-3:] == [("N0",), ("N1",), ("N2",)]


def test_bulk_create_costs_the_same_for_one_issue_and_for_one_hundred(world, as_user):
    client = as_user(world.member)

    one, _ = _queries(lambda: client.post(BULK_CREATE, {"issues": [_item(world, 0)]}))
    hundred, response = _queries(
        lambda: client.post(BULK_CREATE, {"issues": [_item(world, n) for n in range(100)]})
    )

    assert (one, hundred) == (BULK_CREATE_QUERIES, BULK_CREATE_QUERIES)
    assert [r["status"] for r in response.json()["results"]] == [201] * 100
    assert Project.objects.get(pk=world.eng.pk).last_issue_number == 102
    assert Event.objects.filter(name="issue.created", project_id=world.eng.pk).count() == 102


@pytest.mark.parametrize(
    "body",
    [
        {"issues": []},
        {"issues": [{"title": "x"}] * 101},
        {"issues": {"title": "not a list"}},
        {"issues": [{"title": "x"}], "extra": 1},
        [{"title": "x"}],
    ],
    ids=["empty", "too-many", "not-a-list", "unknown-field", "bare-list"],
)
def test_bulk_create_refuses_a_malformed_request_as_a_whole(world, as_user, body):
    response = as_user(world.member).post(BULK_CREATE, body, format="json")

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert Issue.objects.filter(project=world.eng).count() == 1


def test_bulk_create_in_an_archived_project_is_refused_as_a_whole(world, as_user):
    project_set_archived(access=world.access("admin"), project=world.eng, archived=True)

    response = as_user(world.member).post(BULK_CREATE, {"issues": [{"title": "x"}]})

    assert response.status_code == 409
    assert response.json()["code"] == "project_archived"


def test_a_guest_cannot_bulk_create_even_invalid_items(world, as_user):
    response = as_user(world.guest).post(BULK_CREATE, {"issues": [{"title": ""}]})

    assert response.status_code == 403


def test_a_bulk_create_retried_with_its_idempotency_key_creates_once(world, as_user):
    client = as_user(world.member)
    body = {"issues": [{"title": "Once"}, {"title": "Twice?"}]}

    first = client.post(BULK_CREATE, body, HTTP_IDEMPOTENCY_KEY="bulk-1")
    retry = client.post(BULK_CREATE, body, HTTP_IDEMPOTENCY_KEY="bulk-1")

    assert first.status_code == retry.status_code == 200
    assert retry.content == first.content
    assert retry["Idempotent-Replayed"] == "true"
    assert Issue.objects.filter(project=world.eng).count() == 3


# --- One label or assignee -----------------------------------------------------------------


@pytest.fixture
def feature(world):
    return label_create(
        access=world.access("owner"), project=world.eng, name="feature", color="#0f0"
    )


def _labels(issue: Issue) -> set:
    return set(IssueLabel.objects.filter(issue=issue).values_list("label_id", flat=True))


def test_putting_a_label_keeps_the_others_and_records_one_update(world, as_user, feature):
    client = as_user(world.member)
    url = f"{ACME}/issues/ENG-1/labels/{feature.id}"

    added = client.put(url)
    again = client.put(url)

    assert added.status_code == again.status_code == 200
    assert {label["id"] for label in added.json()["labels"]} == {
        str(world.eng_label.id),
        str(feature.id),
    }
    assert _labels(world.eng_issue) == {world.eng_label.id, feature.id}
    assert added["ETag"] == again["ETag"]  # the second PUT changed nothing
    updates = Event.objects.filter(name="issue.updated", subject_id=world.eng_issue.id)
    assert updates.count() == 1
    assert list(updates.get().changes) == ["labels"]
    assert Issue.objects.get(pk=world.eng_issue.pk).version == world.eng_issue.version + 1


def test_deleting_a_label_keeps_the_others_and_is_a_no_op_when_absent(world, as_user, feature):
    client = as_user(world.member)
    client.put(f"{ACME}/issues/ENG-1/labels/{feature.id}")
    events = Event.objects.count()

    removed = client.delete(f"{ACME}/issues/ENG-1/labels/{world.eng_label.id}")
    again = client.delete(f"{ACME}/issues/ENG-1/labels/{world.eng_label.id}")

    assert removed.status_code == again.status_code == 200
    assert [label["id"] for label in removed.json()["labels"]] == [str(feature.id)]
    assert removed["ETag"] == again["ETag"]
    assert _labels(world.eng_issue) == {feature.id}
    assert Event.objects.count() == events + 1


def test_a_label_of_another_project_is_not_found(world, as_user):
    ops_label = label_create(
        access=world.access("owner"), project=world.ops, name="ops", color="#010203"
    )
    client = as_user(world.member)
    events = Event.objects.count()

    for method in (client.put, client.delete):
        response = method(f"{ACME}/issues/ENG-1/labels/{ops_label.id}")
        assert response.status_code == 404
        assert response.json()["code"] == "label_not_found"
    assert Event.objects.count() == events


def test_assigning_and_unassigning_one_person_keeps_the_others(world, as_user):
    client = as_user(world.member)
    client.patch(f"{ACME}/issues/ENG-1", {"assignee_ids": [str(world.admin.id)]})

    added = client.put(f"{ACME}/issues/ENG-1/assignees/{world.member.id}")
    assert added.status_code == 200
    assert {a["id"] for a in added.json()["assignees"]} == {
        str(world.admin.id),
        str(world.member.id),
    }

    removed = client.delete(f"{ACME}/issues/ENG-1/assignees/{world.admin.id}")
    assert removed.status_code == 200
    assert [a["id"] for a in removed.json()["assignees"]] == [str(world.member.id)]
    last = Event.objects.filter(name="issue.updated").latest("id")
    assert list(last.changes) == ["assignees"]


def test_someone_who_cannot_see_the_project_cannot_be_assigned(world, as_user):
    # The outsider is not in acme; the guest was not added to OPS.
    client = as_user(world.member)

    outsider = client.put(f"{ACME}/issues/ENG-1/assignees/{world.outsider.id}")
    guest_on_ops = client.put(f"{ACME}/issues/OPS-1/assignees/{world.guest.id}")
    unassign_outsider = client.delete(f"{ACME}/issues/ENG-1/assignees/{world.outsider.id}")

    assert (outsider.status_code, guest_on_ops.status_code) == (404, 404)
    assert outsider.json()["code"] == "user_not_found"
    assert unassign_outsider.status_code == 404
    assert not IssueAssignee.objects.exists()


def test_link_writes_honour_if_match(world, as_user, feature):
    client = as_user(world.member)
    etag = client.get(f"{ACME}/issues/ENG-1")["ETag"]
    client.patch(f"{ACME}/issues/ENG-1", {"title": "Changed meanwhile"})

    stale = client.put(f"{ACME}/issues/ENG-1/labels/{feature.id}", HTTP_IF_MATCH=etag)
    fresh_etag = client.get(f"{ACME}/issues/ENG-1")["ETag"]
    fresh = client.put(f"{ACME}/issues/ENG-1/labels/{feature.id}", HTTP_IF_MATCH=fresh_etag)
    stale_delete = client.delete(f"{ACME}/issues/ENG-1/labels/{feature.id}", HTTP_IF_MATCH=etag)

    assert stale.status_code == 412
    assert stale.json()["code"] == "precondition_failed"
    assert fresh.status_code == 200
    assert fresh["ETag"] != fresh_etag
    assert stale_delete.status_code == 412
    assert feature.id in _labels(world.eng_issue)


def test_link_writes_in_an_archived_project_are_refused(world, as_user, feature):
    project_set_archived(access=world.access("admin"), project=world.eng, archived=True)

    response = as_user(world.member).put(f"{ACME}/issues/ENG-1/labels/{feature.id}")

    assert response.status_code == 409


def test_link_writes_run_a_fixed_number_of_queries(world, as_user, feature):
    client = as_user(world.member)
    issue = f"{ACME}/issues/ENG-1"
    counts = {
        "label_add": _queries(lambda: client.put(f"{issue}/labels/{feature.id}"))[0],
        "label_remove": _queries(lambda: client.delete(f"{issue}/labels/{feature.id}"))[0],
        "assignee_add": _queries(lambda: client.put(f"{issue}/assignees/{world.member.id}"))[0],
        "assignee_remove": _queries(lambda: client.delete(f"{issue}/assignees/{world.member.id}"))[
            0
        ],
    }
    assert counts == LINK_QUERIES


# --- Bulk update: add and remove ---------------------------------------------------------------


def test_bulk_update_adds_and_removes_without_replacing(world, as_user, feature):
    access = world.access("member")
    for n in range(3):
        issue_create(access=access, project=world.eng, title=f"B{n}", label_ids=[feature.id])
    client = as_user(world.member)
    keys = ["ENG-1", "ENG-2", "ENG-3", "ENG-4"]

    response = client.post(
        f"{ACME}/issues/bulk-update",
        {
            "keys": keys,
            "changes": {
                "add_label_ids": [str(world.eng_label.id)],
                "remove_label_ids": [str(feature.id)],
                "add_assignee_ids": [str(world.member.id)],
            },
        },
    )

    assert response.status_code == 200, response.content
    assert all(item["ok"] for item in response.json()["results"])
    for issue in Issue.objects.filter(project=world.eng):
        assert _labels(issue) == {world.eng_label.id}
        assert list(
            IssueAssignee.objects.filter(issue=issue).values_list("user_id", flat=True)
        ) == [world.member.id]
    # ENG-1 already had the label: only its assignees changed.
    first = Event.objects.filter(name="issue.updated", subject_label="ENG-1").get()
    assert list(first.changes) == ["assignees"]


def test_bulk_update_with_links_costs_the_same_for_two_issues_and_for_forty(world, as_user):
    access = world.access("member")
    for n in range(42):
        issue_create(access=access, project=world.eng, title=f"B{n}")
    client = as_user(world.member)
    changes = {
        "add_label_ids": [str(world.eng_label.id)],
        "remove_assignee_ids": [str(world.admin.id)],
        "add_assignee_ids": [str(world.member.id)],
    }

    def bulk(keys):
        return lambda: client.post(f"{ACME}/issues/bulk-update", {"keys": keys, "changes": changes})

    small, _ = _queries(bulk(["ENG-2", "ENG-3"]))
    large, _ = _queries(bulk([f"ENG-{n}" for n in range(4, 44)]))

    assert small == large


def test_bulk_update_refuses_an_id_both_added_and_removed(world, as_user):
    label = str(world.eng_label.id)
    response = as_user(world.member).post(
        f"{ACME}/issues/bulk-update",
        {"keys": ["ENG-1"], "changes": {"add_label_ids": [label], "remove_label_ids": [label]}},
    )

    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "conflicting_ids"


def test_bulk_update_refuses_a_label_of_another_project_per_item(world, as_user):
    ops_label = label_create(
        access=world.access("owner"), project=world.ops, name="ops", color="#010203"
    )
    response = as_user(world.member).post(
        f"{ACME}/issues/bulk-update",
        {"keys": ["ENG-1", "OPS-1"], "changes": {"add_label_ids": [str(ops_label.id)]}},
    )

    results = {item["key"]: item for item in response.json()["results"]}
    assert results["ENG-1"]["error"]["code"] == "validation_error"
    assert results["OPS-1"]["ok"] is True
