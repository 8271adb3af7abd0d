"""Relations between issues: services, events and refusals, on the real database."""

import pytest

from docket.core.errors import Conflict, NotFound, PermissionDenied, ValidationFailed
from docket.core.models import Event
from docket.issues.relations import issue_relate, issue_unrelate
from docket.issues.services import issue_create, issue_delete
from docket.projects.services import project_set_archived
from docket.testing.world import access_of

pytestmark = pytest.mark.django_db


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
