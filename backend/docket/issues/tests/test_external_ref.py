"""external_ref: the id an importer or integration knows an issue by, unique per project."""

import threading

import pytest
from django.db import connections, transaction

from docket.core.errors import Conflict
from docket.core.models import Event
from docket.issues.models import Issue
from docket.issues.services import issue_create, issue_update
from docket.projects.services import project_create
from docket.testing.factories import MembershipFactory
from docket.testing.world import access_of
from docket.workspaces.models import Role

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"


def test_create_read_and_filter_by_external_ref(world, as_user):
    client = as_user(world.member)

    created = client.post(
        f"{ACME}/projects/ENG/issues", {"title": "Imported", "external_ref": "gh-42"}, format="json"
    )

    assert created.status_code == 201, created.content
    assert created.json()["external_ref"] == "gh-42"
    assert client.get(f"{ACME}/issues/ENG-2").json()["external_ref"] == "gh-42"
    listed = client.get(f"{ACME}/projects/ENG/issues?external_ref=gh-42").json()["results"]
    assert [issue["key"] for issue in listed] == ["ENG-2"]
    across = client.get(f"{ACME}/issues?external_ref=gh-42").json()["results"]
    assert [issue["key"] for issue in across] == ["ENG-2"]
    assert client.get(f"{ACME}/issues?external_ref=gh-43").json()["results"] == []
    event = Event.objects.filter(name="issue.created").latest("id")
    assert event.changes["external_ref"] == {"old": None, "new": "gh-42"}


def test_a_taken_external_ref_is_a_409_problem_within_the_project_only(world, as_user):
    client = as_user(world.member)
    issue_update(access=world.access("member"), issue=world.eng_issue, external_ref="gh-1")

    taken = client.post(
        f"{ACME}/projects/ENG/issues", {"title": "Again", "external_ref": "gh-1"}, format="json"
    )
    assert taken.status_code == 409
    assert taken["Content-Type"].startswith("application/problem+json")
    assert taken.json()["code"] == "external_ref_taken"
    assert Issue.objects.filter(project=world.eng).count() == 1

    # Another project may use the same reference.
    other = client.post(
        f"{ACME}/projects/OPS/issues", {"title": "Ops", "external_ref": "gh-1"}, format="json"
    )
    assert other.status_code == 201


def test_issues_without_a_reference_never_collide(world, as_user):
    client = as_user(world.member)
    for ref in (None, "", "   "):
        response = client.post(
            f"{ACME}/projects/ENG/issues", {"title": "No ref", "external_ref": ref}, format="json"
        )
        assert response.status_code == 201, response.content
        assert response.json()["external_ref"] is None


def test_update_sets_keeps_and_clears_the_reference(world, as_user):
    client = as_user(world.member)
    issue_create(access=world.access("member"), project=world.eng, title="Two", external_ref="x")

    refused = client.patch(f"{ACME}/issues/ENG-1", {"external_ref": "x"}, format="json")
    assert refused.status_code == 409
    assert refused.json()["code"] == "external_ref_taken"

    version = Issue.objects.get(pk=world.eng_issue.pk).version
    first = client.patch(f"{ACME}/issues/ENG-1", {"external_ref": "y"}, format="json")
    assert first.status_code == 200
    assert first.json()["external_ref"] == "y"
    # A new version, so the ETag changes with it.
    assert Issue.objects.get(pk=world.eng_issue.pk).version == version + 1
    # Its own reference again is no conflict, and no change.
    same = client.patch(f"{ACME}/issues/ENG-1", {"external_ref": "y"}, format="json")
    assert same.status_code == 200
    assert Issue.objects.get(pk=world.eng_issue.pk).version == version + 1
    cleared = client.patch(f"{ACME}/issues/ENG-1", {"external_ref": None}, format="json")
    assert cleared.json()["external_ref"] is None
    event = Event.objects.filter(name="issue.updated").latest("id")
    assert event.changes == {"external_ref": {"old": "y", "new": None}}


def test_bulk_update_cannot_set_one_reference_on_many_issues(world, as_user):
    response = as_user(world.member).post(
        f"{ACME}/issues/bulk-update",
        {"keys": ["ENG-1"], "changes": {"external_ref": "x"}},
        format="json",
    )
    assert response.status_code == 400
    assert Issue.objects.get(pk=world.eng_issue.pk).external_ref is None


def test_bulk_create_refuses_each_taken_reference_on_its_own(world, as_user):
    issue_update(access=world.access("member"), issue=world.eng_issue, external_ref="gh-1")

    response = as_user(world.member).post(
        f"{ACME}/projects/ENG/issues/bulk-create",
        {
            "issues": [
                {"title": "Taken before", "external_ref": "gh-1"},
                {"title": "New", "external_ref": "gh-2"},
                {"title": "Twice in the batch", "external_ref": "gh-2"},
                {"title": "None"},
            ]
        },
        format="json",
    )

    assert response.status_code == 200, response.content
    results = response.json()["results"]
    assert [result["status"] for result in results] == [409, 201, 409, 201]
    assert results[0]["error"]["code"] == "external_ref_taken"
    assert results[2]["error"]["code"] == "external_ref_taken"
    assert results[1]["issue"]["external_ref"] == "gh-2"
    refs = Issue.objects.filter(project=world.eng).exclude(external_ref=None)
    assert list(refs.order_by("number").values_list("number", "external_ref")) == [
        (1, "gh-1"),
        (2, "gh-2"),
    ]


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_a_reference_taken_by_a_concurrent_write_is_a_conflict_not_a_500():
    # Given a project, and another transaction that gives an issue the reference "gh-7" and
    # commits only after our create has checked that "gh-7" is free and is writing it.
    owner = MembershipFactory(role=Role.OWNER)
    access = access_of(owner)
    project = project_create(access=access, key="RACE", name="Race")
    first = issue_create(access=access, project=project, title="First")
    written = threading.Event()
    failures: list[BaseException] = []

    def concurrent_writer() -> None:
        try:
            with transaction.atomic():
                Issue.objects.filter(pk=first.pk).update(external_ref="gh-7")
                written.set()
                # Long enough for the create below to pass its check and wait on the index.
                threading.Event().wait(1.5)
        except BaseException as exc:  # noqa: BLE001 - asserted below
            failures.append(exc)
        finally:
            connections.close_all()

    writer = threading.Thread(target=concurrent_writer)
    writer.start()
    assert written.wait(10)

    # When we create an issue with the same reference, then the constraint refuses it once the
    # other transaction commits, and that is the same 409 as a reference taken before.
    with pytest.raises(Conflict) as raised:
        issue_create(access=access, project=project, title="Second", external_ref="gh-7")
    writer.join(10)
    assert not failures, failures
    assert raised.value.code == "external_ref_taken"
    assert list(Issue.objects.filter(project=project).values_list("number", flat=True)) == [1]
