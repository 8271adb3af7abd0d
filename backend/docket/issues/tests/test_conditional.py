"""ETags and conditional requests on one issue: 304 on reads, 412 on stale writes."""

from threading import Event as Signal
from threading import Thread

import pytest
from django.db import connection, connections, transaction
from django.db.models import F
from django.test.utils import CaptureQueriesContext

from docket.core.models import Event
from docket.issues.models import Issue
from docket.issues.services import issue_update
from docket.projects.models import State
from docket.projects.services import label_update
from docket.testing.world import build_world

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"
ISSUE = f"{ACME}/issues/ENG-1"


def _snapshot(issue: Issue) -> object:
    return Issue.objects.values(
        "title", "state_id", "position", "priority", "version", "updated_at"
    ).get(pk=issue.pk)


def test_get_returns_a_strong_etag_and_304_when_it_still_matches(world, as_user):
    client = as_user(world.member)
    first = client.get(ISSUE)
    etag = first["ETag"]
    assert etag.startswith('"')  # strong: no W/ prefix

    again = client.get(ISSUE, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304
    assert again["ETag"] == etag
    assert again.content == b""
    # A weak form of the same tag, or one of a list, also matches (weak comparison).
    assert client.get(ISSUE, HTTP_IF_NONE_MATCH=f'"x", W/{etag}').status_code == 304
    assert client.get(ISSUE, HTTP_IF_NONE_MATCH='"1-0000000000000000"').status_code == 200


def test_the_etag_changes_with_every_write_and_with_what_the_body_shows(world, as_user):
    client = as_user(world.member)
    tags = [client.get(ISSUE)["ETag"]]
    patched = client.patch(ISSUE, {"title": "Renamed"})
    assert patched.status_code == 200
    tags.append(patched["ETag"])
    assert client.get(ISSUE)["ETag"] == tags[-1]  # the write's tag is the read's tag
    done = State.objects.get(project=world.eng, name="Done")
    tags.append(client.post(f"{ISSUE}/move", {"state_id": str(done.id)})["ETag"])
    tags.append(client.patch(ISSUE, {"label_ids": []})["ETag"])
    # A renamed label changes the body, not the issue's version: the tag changes too.
    label_update(access=world.access("admin"), label=world.eng_label, name="Renamed label")
    client.patch(ISSUE, {"label_ids": [str(world.eng_label.id)]})
    before_rename = client.get(ISSUE)["ETag"]
    label_update(access=world.access("admin"), label=world.eng_label, name="Again")
    tags.extend([before_rename, client.get(ISSUE)["ETag"]])

    assert len(set(tags)) == len(tags)


def test_a_patch_with_the_current_etag_succeeds_and_star_or_none_write_unconditionally(
    world, as_user
):
    client = as_user(world.member)
    etag = client.get(ISSUE)["ETag"]
    assert client.patch(ISSUE, {"title": "One"}, HTTP_IF_MATCH=etag).status_code == 200
    assert client.patch(ISSUE, {"title": "Two"}, HTTP_IF_MATCH="*").status_code == 200
    assert client.patch(ISSUE, {"title": "Three"}).status_code == 200
    assert Issue.objects.get(pk=world.eng_issue.pk).title == "Three"


@pytest.mark.parametrize("tag", ["stale", '"0-0000000000000000"', "not a tag", "weak"])
def test_a_patch_with_a_stale_etag_is_412_and_writes_nothing(world, as_user, tag):
    client = as_user(world.member)
    current = client.get(ISSUE)["ETag"]
    if tag == "stale":
        client.patch(ISSUE, {"priority": "high"})  # someone else's write
        tag = current
    elif tag == "weak":
        tag = f"W/{current}"
    before, events = _snapshot(world.eng_issue), Event.objects.count()

    response = client.patch(ISSUE, {"title": "Lost update"}, HTTP_IF_MATCH=tag)

    assert response.status_code == 412
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "precondition_failed"
    assert _snapshot(world.eng_issue) == before
    assert Event.objects.count() == events


def test_move_and_delete_with_a_stale_etag_are_412_and_change_nothing(world, as_user):
    client = as_user(world.member)
    stale = client.get(ISSUE)["ETag"]
    client.patch(ISSUE, {"priority": "high"})
    done = State.objects.get(project=world.eng, name="Done")
    before, events = _snapshot(world.eng_issue), Event.objects.count()

    moved = client.post(f"{ISSUE}/move", {"state_id": str(done.id)}, HTTP_IF_MATCH=stale)
    deleted = client.delete(ISSUE, HTTP_IF_MATCH=stale)

    assert (moved.status_code, deleted.status_code) == (412, 412)
    assert moved.json()["code"] == deleted.json()["code"] == "precondition_failed"
    assert _snapshot(world.eng_issue) == before
    assert Event.objects.count() == events
    # With the current tag both go through.
    current = client.get(ISSUE)["ETag"]
    moved = client.post(f"{ISSUE}/move", {"state_id": str(done.id)}, HTTP_IF_MATCH=current)
    assert moved.status_code == 200
    assert client.delete(ISSUE, HTTP_IF_MATCH=moved["ETag"]).status_code == 204


def test_a_writer_between_get_and_patch_makes_the_patch_412(world, as_user):
    # Given a client read the issue, then someone else changed it through a service
    client = as_user(world.member)
    etag = client.get(ISSUE)["ETag"]
    issue_update(access=world.access("admin"), issue=world.eng_issue, description="Theirs")

    # When the client saves its copy
    response = client.patch(ISSUE, {"description": "Mine"}, HTTP_IF_MATCH=etag)

    # Then it is refused and the other write stands
    assert response.status_code == 412
    assert Issue.objects.get(pk=world.eng_issue.pk).description == "Theirs"


def test_a_conditional_write_costs_no_extra_query(world, as_user):
    client = as_user(world.member)
    etag = client.get(ISSUE)["ETag"]
    with CaptureQueriesContext(connection) as unconditional:
        client.patch(ISSUE, {"title": "A"})
    etag = client.get(ISSUE)["ETag"]
    with CaptureQueriesContext(connection) as conditional:
        assert client.patch(ISSUE, {"title": "B"}, HTTP_IF_MATCH=etag).status_code == 200
    assert len(conditional) == len(unconditional)


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_a_write_that_commits_while_a_conditional_patch_waits_for_the_lock_makes_it_412(as_user):
    # Given a client read the issue, and another transaction holds its row lock, about to change it
    world = build_world()
    client = as_user(world.member)
    etag = client.get(ISSUE)["ETag"]
    locked, done = Signal(), Signal()

    def other_writer() -> None:
        try:
            with transaction.atomic():
                list(Issue.objects.select_for_update(no_key=True).filter(pk=world.eng_issue.pk))
                locked.set()
                done.wait(0.5)  # the PATCH below is waiting on this lock meanwhile
                Issue.objects.filter(pk=world.eng_issue.pk).update(
                    title="Theirs", version=F("version") + 1
                )
        finally:
            connections.close_all()

    thread = Thread(target=other_writer)
    thread.start()
    assert locked.wait(5)

    # When the client's PATCH (checked against the version it read) runs into the lock
    response = client.patch(ISSUE, {"title": "Mine"}, HTTP_IF_MATCH=etag)
    thread.join()

    # Then it compares after the other commit, and is refused
    assert response.status_code == 412
    assert Issue.objects.get(pk=world.eng_issue.pk).title == "Theirs"


def test_another_issues_etag_matches_neither_if_match_nor_if_none_match(world, as_user):
    # Given two issues at the same version, and the tag of the other one
    client = as_user(world.member)
    created = client.post(f"{ACME}/projects/ENG/issues", {"title": "Other"}).json()
    other = created["key"]
    Issue.objects.filter(pk=created["id"]).update(
        version=Issue.objects.get(pk=world.eng_issue.pk).version
    )
    others_tag = client.get(f"{ACME}/issues/{other}")["ETag"]
    before, events = _snapshot(world.eng_issue), Event.objects.count()

    # Then it revalidates nothing and protects nothing on ENG-1
    assert client.get(ISSUE, HTTP_IF_NONE_MATCH=others_tag).status_code == 200
    response = client.patch(ISSUE, {"title": "Wrong copy"}, HTTP_IF_MATCH=others_tag)
    assert response.status_code == 412
    assert _snapshot(world.eng_issue) == before
    assert Event.objects.count() == events
    # While ENG-1's own tag, in a list with the other's, still matches
    own = client.get(ISSUE)["ETag"]
    both = f"{others_tag}, {own}"
    assert client.patch(ISSUE, {"title": "Right copy"}, HTTP_IF_MATCH=both).status_code == 200
