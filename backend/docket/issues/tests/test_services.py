"""Issue and comment services: invariants, events and refusals, on the real database."""

import pytest

from docket.core.errors import Conflict, PermissionDenied, ValidationFailed
from docket.core.models import Event
from docket.issues.models import Issue
from docket.issues.services import (
    comment_delete,
    comment_update,
    issue_create,
    issue_move,
    issue_update,
)
from docket.projects.models import State, StateCategory
from docket.projects.services import project_set_archived, state_delete, state_update
from docket.testing.world import access_of

pytestmark = pytest.mark.django_db


def _state(project, name):
    return State.objects.get(project=project, name=name)


def _column(state):
    return list(
        Issue.objects.filter(state=state).order_by("position").values_list("number", flat=True)
    )


def test_create_numbers_per_project_and_records_event(world):
    owner = world.memberships["owner"]
    second = issue_create(access=access_of(owner), project=world.eng, title="Two")
    other = issue_create(access=access_of(owner), project=world.ops, title="Ops two")
    assert (second.key, other.key) == ("ENG-2", "OPS-2")
    event = Event.objects.filter(subject_id=second.id).get()
    assert event.name == "issue.created"
    assert event.changes["title"] == {"old": None, "new": "Two"}
    assert event.changes["state"]["new"]["name"] == "Todo"
    assert event.workspace_id == world.workspace.id
    assert event.actor_id == world.owner.id


def test_update_records_only_changed_fields_with_old_and_new(world):
    member = world.memberships["member"]
    issue = world.eng_issue
    before = Event.objects.count()
    issue_update(access=access_of(member), issue=issue, title=issue.title)
    assert Event.objects.count() == before  # nothing changed, nothing recorded

    issue_update(
        access=access_of(member),
        issue=issue,
        priority="high",
        assignee_ids=[world.member.id],
    )
    event = Event.objects.latest("id")
    assert event.name == "issue.updated"
    assert set(event.changes) == {"priority", "assignees"}
    assert event.changes["priority"] == {"old": "none", "new": "high"}
    assert event.changes["assignees"]["new"] == [
        {"id": str(world.member.id), "display_name": "Member"}
    ]


def test_completed_at_follows_state_category(world):
    member = world.memberships["member"]
    issue = world.eng_issue
    issue_update(access=access_of(member), issue=issue, state_id=_state(world.eng, "Done").id)
    issue.refresh_from_db()
    assert issue.completed_at is not None
    issue_update(access=access_of(member), issue=issue, state_id=_state(world.eng, "Todo").id)
    issue.refresh_from_db()
    assert issue.completed_at is None


def test_recategorizing_a_state_updates_its_issues(world):
    todo = _state(world.eng, "Todo")
    state_update(
        access=access_of(world.memberships["admin"]),
        state=todo,
        category=StateCategory.COMPLETED,
    )
    world.eng_issue.refresh_from_db()
    assert world.eng_issue.completed_at is not None


def test_references_must_belong_to_the_project_or_workspace(world):
    member = world.memberships["member"]
    foreign_state = State.objects.filter(project=world.other_project).first()
    assert foreign_state is not None
    with pytest.raises(ValidationFailed) as error:
        issue_create(
            access=access_of(member),
            project=world.eng,
            title="x",
            state_id=foreign_state.id,
            assignee_ids=[world.outsider.id],
            parent_id=world.ops_issue.id,
        )
    fields = {e.field for e in error.value.errors}
    assert fields == {"state_id", "assignee_ids", "parent_id"}
    assert not Issue.objects.filter(title="x").exists()


def test_guest_can_be_assigned_only_where_they_were_added(world):
    member = world.memberships["member"]
    issue_update(access=access_of(member), issue=world.eng_issue, assignee_ids=[world.guest.id])
    with pytest.raises(ValidationFailed):
        issue_update(
            access=access_of(member),
            issue=world.ops_issue,
            assignee_ids=[world.guest.id],
        )


def test_parent_cycles_are_refused(world):
    member = world.memberships["member"]
    child = issue_create(
        access=access_of(member),
        project=world.eng,
        title="Child",
        parent_id=world.eng_issue.id,
    )
    grandchild = issue_create(
        access=access_of(member), project=world.eng, title="Grand", parent_id=child.id
    )
    for candidate in (grandchild, child, world.eng_issue):
        with pytest.raises(ValidationFailed) as error:
            issue_update(access=access_of(member), issue=world.eng_issue, parent_id=candidate.id)
        assert error.value.errors[0].code == "parent_cycle"
    world.eng_issue.refresh_from_db()
    assert world.eng_issue.parent_id is None


def test_move_places_between_neighbours_and_writes_one_row(world):
    member = world.memberships["member"]
    todo = _state(world.eng, "Todo")
    progress = _state(world.eng, "In Progress")
    a, b, c = (
        issue_create(access=access_of(member), project=world.eng, title=t, state_id=progress.id)
        for t in "abc"
    )
    assert _column(progress) == [a.number, b.number, c.number]
    untouched = dict(Issue.objects.filter(state=progress).values_list("id", "position"))

    issue_move(
        access=access_of(member),
        issue=world.eng_issue,
        state_id=progress.id,
        after_id=a.id,
    )
    assert _column(progress) == [a.number, 1, b.number, c.number]
    issue_move(access=access_of(member), issue=c, state_id=progress.id, before_id=a.id)
    assert _column(progress) == [c.number, a.number, 1, b.number]
    issue_move(
        access=access_of(member),
        issue=a,
        state_id=progress.id,
        after_id=world.eng_issue.id,
        before_id=b.id,
    )
    assert _column(progress) == [c.number, 1, a.number, b.number]
    # Only moved issues got new positions: b never moved and kept its key.
    b.refresh_from_db()
    assert b.position == untouched[b.id]
    assert _column(todo) == []
    moved = Event.objects.filter(name="issue.moved", subject_id=world.eng_issue.id).get()
    assert moved.changes["state"]["old"]["name"] == "Todo"
    assert moved.changes["state"]["new"]["name"] == "In Progress"


def test_move_refuses_neighbours_from_another_column(world):
    member = world.memberships["member"]
    done = _state(world.eng, "Done")
    with pytest.raises(ValidationFailed) as error:
        issue_move(
            access=access_of(member),
            issue=world.eng_issue,
            state_id=done.id,
            after_id=world.eng_issue.id,
        )
    assert error.value.errors[0].field == "after_id"


def test_deleting_a_state_with_issues_needs_a_target(world):
    admin = world.memberships["admin"]
    todo = _state(world.eng, "Todo")
    with pytest.raises(ValidationFailed) as error:
        state_delete(access=access_of(admin), state=todo, move_to=None)
    assert error.value.errors[0].field == "move_to"
    assert State.objects.filter(id=todo.id).exists()

    done = _state(world.eng, "Done")
    state_delete(access=access_of(admin), state=todo, move_to=done)
    world.eng_issue.refresh_from_db()
    assert world.eng_issue.state_id == done.id
    assert world.eng_issue.completed_at is not None
    assert not State.objects.filter(id=todo.id).exists()


def test_issues_moved_out_of_a_deleted_state_are_touched_and_recorded(world):
    before = world.eng_issue.updated_at
    todo = _state(world.eng, "Todo")
    backlog = _state(world.eng, "Backlog")
    state_delete(access=access_of(world.memberships["admin"]), state=todo, move_to=backlog)
    world.eng_issue.refresh_from_db()
    assert world.eng_issue.updated_at > before
    moved = Event.objects.get(name="issue.moved", subject_id=world.eng_issue.id)
    assert moved.changes["state"]["new"]["name"] == "Backlog"


def test_archived_project_refuses_issue_writes(world):
    project_set_archived(
        access=access_of(world.memberships["admin"]), project=world.eng, archived=True
    )
    world.eng_issue.project.refresh_from_db()
    with pytest.raises(Conflict):
        issue_update(
            access=access_of(world.memberships["member"]),
            issue=world.eng_issue,
            title="Nope",
        )


def test_comments_edit_own_and_admin_may_delete_any(world):
    comment = world.member_comment
    with pytest.raises(PermissionDenied):
        comment_update(access=access_of(world.memberships["admin"]), comment=comment, body="x")
    with pytest.raises(PermissionDenied):
        comment_delete(access=access_of(world.memberships["guest"]), comment=comment)
    comment_update(access=access_of(world.memberships["member"]), comment=comment, body="Edited")
    comment.refresh_from_db()
    assert comment.body == "Edited"
    assert comment.edited_at is not None
    comment_delete(access=access_of(world.memberships["admin"]), comment=comment)
    names = list(Event.objects.filter(subject_id=world.eng_issue.id).values_list("name", flat=True))
    assert names[-2:] == ["comment.updated", "comment.deleted"]
