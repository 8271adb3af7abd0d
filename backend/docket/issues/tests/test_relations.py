"""Relations between issues: services, events and refusals, on the real database."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from docket.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from docket.core.models import Event
from docket.issues.models import IssueRelation
from docket.issues.relations import issue_relate, issue_unrelate
from docket.issues.selectors import issue_relation_list
from docket.issues.services import issue_create, issue_delete
from docket.issues.tasks import purge_project
from docket.projects.services import project_delete, project_set_archived
from docket.testing.world import access_of

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"


def _related_keys(issue):
    return sorted(other.key for other in issue.related.select_related("project"))


def test_relating_links_both_issues_and_records_an_event_on_each(world):
    # Given two issues of different projects of one workspace.
    access = world.access("member")
    eng, ops = world.eng_issue, world.ops_issue

    # When a member relates them.
    assert issue_relate(access=access, issue=eng, other=ops) is True

    # Then each lists the other, and each has an `issue.linked` naming the other end.
    assert _related_keys(eng) == ["OPS-1"]
    assert _related_keys(ops) == ["ENG-1"]
    linked = {e.subject_id: e for e in Event.objects.filter(name="issue.linked")}
    assert linked[eng.id].changes == {
        "issue": {"old": None, "new": {"id": str(ops.id), "key": "OPS-1"}},
        "relation": {"old": None, "new": "relates"},
    }
    assert linked[ops.id].changes["issue"]["new"]["key"] == "ENG-1"
    assert linked[eng.id].actor_id == world.member.id


def test_relating_again_is_a_no_op(world):
    access = world.access("member")
    issue_relate(access=access, issue=world.eng_issue, other=world.ops_issue)
    before = Event.objects.count()

    assert issue_relate(access=access, issue=world.ops_issue, other=world.eng_issue) is False

    assert Event.objects.count() == before
    assert _related_keys(world.eng_issue) == ["OPS-1"]


def test_unrelating_removes_both_directions_and_records_an_event_on_each(world):
    access = world.access("member")
    issue_relate(access=access, issue=world.eng_issue, other=world.ops_issue)

    assert issue_unrelate(access=access, issue=world.ops_issue, other=world.eng_issue) is True

    assert _related_keys(world.eng_issue) == []
    assert _related_keys(world.ops_issue) == []
    unlinked = Event.objects.filter(name="issue.unlinked")
    assert {e.subject_id for e in unlinked} == {world.eng_issue.id, world.ops_issue.id}
    assert all(e.changes["relation"] == {"old": "relates", "new": None} for e in unlinked)
    # Unrelating what is not related writes nothing.
    before = Event.objects.count()
    assert issue_unrelate(access=access, issue=world.ops_issue, other=world.eng_issue) is False
    assert Event.objects.count() == before


def test_an_issue_cannot_be_related_to_itself(world):
    with pytest.raises(ValidationFailed) as raised:
        issue_relate(access=world.access("member"), issue=world.eng_issue, other=world.eng_issue)
    assert raised.value.errors[0].code == "self_relation"


def test_guests_may_not_relate_issues(world):
    with pytest.raises(PermissionDenied):
        issue_relate(access=world.access("guest"), issue=world.eng_issue, other=world.ops_issue)
    assert _related_keys(world.eng_issue) == []


def test_an_issue_of_another_workspace_is_never_related(world):
    with pytest.raises(NotFound):
        issue_relate(access=world.access("owner"), issue=world.eng_issue, other=world.other_issue)
    assert _related_keys(world.eng_issue) == []
    assert _related_keys(world.other_issue) == []


def test_an_archived_project_refuses_relations(world):
    owner = world.access("owner")
    project_set_archived(access=owner, project=world.ops, archived=True)
    world.ops_issue.project.refresh_from_db()
    with pytest.raises(Conflict):
        issue_relate(access=owner, issue=world.eng_issue, other=world.ops_issue)


def test_deleting_an_issue_records_the_lost_relation_on_the_other(world):
    # Given ENG-1 related to a second ENG issue.
    access = world.access("member")
    doomed = issue_create(
        access=access_of(world.memberships["owner"]), project=world.eng, title="x"
    )
    issue_relate(access=access, issue=world.eng_issue, other=doomed)
    doomed_id = str(doomed.id)

    # When the second one is deleted.
    issue_delete(access=access, issue=doomed)

    # Then ENG-1 has no relation left and its history says which one it lost.
    assert _related_keys(world.eng_issue) == []
    event = Event.objects.filter(name="issue.unlinked", subject_id=world.eng_issue.id).get()
    assert event.changes["issue"] == {"old": {"id": doomed_id, "key": "ENG-2"}, "new": None}


# --- Kinds -----------------------------------------------------------------------------------


def _kinds(issue):
    return dict(
        IssueRelation.objects.filter(from_issue=issue)
        .select_related("to_issue__project")
        .values_list("to_issue__number", "type")
    )


def test_a_kind_is_stored_with_its_inverse_on_the_other_end(world):
    access = world.access("member")
    issue_relate(access=access, issue=world.eng_issue, other=world.ops_issue, kind="blocks")

    assert list(IssueRelation.objects.filter(from_issue=world.eng_issue).values_list("type")) == [
        ("blocks",)
    ]
    assert list(IssueRelation.objects.filter(from_issue=world.ops_issue).values_list("type")) == [
        ("blocked_by",)
    ]
    linked = {e.subject_id: e for e in Event.objects.filter(name="issue.linked")}
    assert linked[world.eng_issue.id].changes["relation"]["new"] == "blocks"
    assert linked[world.ops_issue.id].changes["relation"]["new"] == "blocked_by"


def test_relating_two_issues_another_way_is_a_conflict(world):
    access = world.access("member")
    issue_relate(access=access, issue=world.eng_issue, other=world.ops_issue, kind="duplicates")
    with pytest.raises(Conflict) as raised:
        issue_relate(access=access, issue=world.eng_issue, other=world.ops_issue, kind="blocks")
    assert raised.value.code == "already_related"
    # The inverse from the other end is the same relation, so it is a no-op.
    assert (
        issue_relate(
            access=access, issue=world.ops_issue, other=world.eng_issue, kind="duplicated_by"
        )
        is False
    )
    assert _kinds(world.eng_issue) == {1: "duplicates"}


def test_deleting_an_issue_records_the_relation_as_the_other_saw_it(world):
    access = world.access("member")
    blocker = issue_create(access=access, project=world.eng, title="Blocker")
    issue_relate(access=access, issue=blocker, other=world.eng_issue, kind="blocks")

    issue_delete(access=access, issue=blocker)

    event = Event.objects.filter(name="issue.unlinked", subject_id=world.eng_issue.id).get()
    assert event.changes["relation"] == {"old": "blocked_by", "new": None}
    assert not IssueRelation.objects.exists()


def test_deleting_a_project_records_the_lost_relations_on_other_projects_issues(world):
    # Given OPS-1 blocked by ENG-1, and ENG-1 related to another ENG issue.
    access = world.access("member")
    sibling = issue_create(access=access, project=world.eng, title="Sibling")
    issue_relate(access=access, issue=world.eng_issue, other=world.ops_issue, kind="blocks")
    issue_relate(access=access, issue=world.eng_issue, other=sibling)
    eng_issue_id = str(world.eng_issue.id)

    # When ENG is deleted with its issues.
    project_delete(access=world.access("admin"), project=world.eng)

    # Then only OPS-1's history records a lost relation (ENG's issues are gone), as it saw it.
    unlinked = list(Event.objects.filter(name="issue.unlinked"))
    assert [(e.subject_id, e.changes) for e in unlinked] == [
        (
            world.ops_issue.id,
            {
                "issue": {"old": {"id": eng_issue_id, "key": "ENG-1"}, "new": None},
                "relation": {"old": "blocked_by", "new": None},
            },
        )
    ]
    # OPS-1 no longer lists the link at once; the purge then removes the rows.
    ops_access = world.access("member")
    assert list(issue_relation_list(access=ops_access, issue=world.ops_issue)) == []
    purge_project(str(world.eng.id))
    assert not IssueRelation.objects.exists()


# --- API -------------------------------------------------------------------------------------


def test_api_creates_lists_and_deletes_a_relation(world, as_user):
    client = as_user(world.member)

    created = client.post(
        f"{ACME}/issues/ENG-1/relations", {"issue_key": "OPS-1", "type": "blocks"}, format="json"
    )
    assert created.status_code == 201, created.content
    assert created.json()["type"] == "blocks"
    assert created.json()["issue"]["key"] == "OPS-1"
    assert created.json()["issue"]["state"]["name"] == "Todo"

    again = client.post(
        f"{ACME}/issues/ENG-1/relations", {"issue_key": "OPS-1", "type": "blocks"}, format="json"
    )
    assert again.status_code == 200  # idempotent

    listed = client.get(f"{ACME}/issues/OPS-1/relations")
    assert listed.status_code == 200
    assert [(r["type"], r["issue"]["key"]) for r in listed.json()["results"]] == [
        ("blocked_by", "ENG-1")
    ]

    removed = client.delete(f"{ACME}/issues/OPS-1/relations/ENG-1")
    assert removed.status_code == 204
    assert client.get(f"{ACME}/issues/ENG-1/relations").json()["results"] == []
    assert client.delete(f"{ACME}/issues/OPS-1/relations/ENG-1").status_code == 204


@pytest.mark.parametrize(
    ("body", "field_code"),
    [
        ({"issue_key": "ENG-99"}, "invalid_issue"),  # no such issue
        ({"issue_key": "not a key"}, "invalid_issue"),
        ({"issue_key": "ENG-1"}, "self_relation"),
        ({"issue_key": "OPS-1", "type": "causes"}, "invalid_choice"),
    ],
)
def test_api_refuses_a_bad_relation_with_a_validation_problem(world, as_user, body, field_code):
    response = as_user(world.member).post(f"{ACME}/issues/ENG-1/relations", body, format="json")
    assert response.status_code == 400, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert response.json()["errors"][0]["code"] == field_code
    assert not IssueRelation.objects.exists()


def test_api_never_relates_to_another_workspaces_issue(world, as_user):
    # The other workspace has an ENG-1 too: acme's key space is the only one looked in.
    their = world.other_issue
    assert their.key == "ENG-1"
    response = as_user(world.member).post(
        f"{ACME}/issues/OPS-1/relations", {"issue_key": "ENG-1"}, format="json"
    )
    assert response.status_code == 201
    assert response.json()["issue"]["id"] == str(world.eng_issue.id)
    assert not IssueRelation.objects.filter(to_issue=their).exists()
    # And the outsider cannot reach acme's issues at all.
    outsider = as_user(world.outsider)
    assert outsider.get(f"{ACME}/issues/OPS-1/relations").status_code == 404
    assert outsider.delete(f"{ACME}/issues/OPS-1/relations/ENG-1").status_code == 404
    assert IssueRelation.objects.count() == 2


def test_api_already_related_another_way_is_a_409_problem(world, as_user):
    client = as_user(world.member)
    client.post(f"{ACME}/issues/ENG-1/relations", {"issue_key": "OPS-1"}, format="json")
    response = client.post(
        f"{ACME}/issues/ENG-1/relations", {"issue_key": "OPS-1", "type": "blocks"}, format="json"
    )
    assert response.status_code == 409
    assert response.json()["code"] == "already_related"


def test_a_guest_does_not_see_relations_to_projects_they_were_not_added_to(world, as_user):
    # Given ENG-1 (the guest sees ENG) related to OPS-1 (they do not see OPS).
    issue_relate(access=world.access("member"), issue=world.eng_issue, other=world.ops_issue)

    response = as_user(world.guest).get(f"{ACME}/issues/ENG-1/relations")

    assert response.status_code == 200
    assert response.json()["results"] == []
    assert as_user(world.member).get(f"{ACME}/issues/ENG-1/relations").json()["results"] != []


def test_listing_relations_costs_the_same_for_one_and_for_many(world, as_user):
    access = world.access("member")
    client = as_user(world.member)
    others = [issue_create(access=access, project=world.eng, title=f"R{n}") for n in range(6)]
    issue_relate(access=access, issue=world.ops_issue, other=others[0])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(f"{ACME}/issues/OPS-1/relations")
        assert response.status_code == 200
        return len(captured)

    one = queries()
    for other in others[1:]:
        issue_relate(access=access, issue=world.ops_issue, other=other, kind="blocks")
    # The JWT's user, the access, the issue, and one query for the page with the other issues,
    # their projects and states.
    assert one == queries() == 4
