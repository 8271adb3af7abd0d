"""Every state-changing service records its events, cascades included.

The walk discovers every service (a public function of a services or relations
module whose parameters are keyword-only and include the caller): a new service without a
scenario here fails the first test, and a scenario whose change records no event, or other
events than declared, fails the second.
"""

from __future__ import annotations

import importlib
import inspect
from collections import Counter
from collections.abc import Callable

import pytest

from docket.core.models import Event
from docket.issues import relations
from docket.issues import services as issues
from docket.issues.models import Issue
from docket.projects import services as projects
from docket.projects.models import ProjectMember, State
from docket.testing.factories import MembershipFactory, UserFactory
from docket.testing.world import World
from docket.workspaces import services as workspaces
from docket.workspaces.models import Membership, Role

pytestmark = pytest.mark.django_db

SERVICE_MODULES = {
    "docket.workspaces.services": "workspaces",
    "docket.projects.services": "projects",
    "docket.issues.services": "issues",
    "docket.issues.relations": "relations",
}
# Account services act on a person, not in a workspace: the tenant event log does not hold them.
NOT_TENANT_SERVICES = {"docket.accounts.services"}
# Services of a tenant module that change a person's own credentials, like their refresh
# sessions: the event log feeds the change feed, webhooks and live updates of the workspace, which
# must not announce someone's tokens. They log (structlog) instead.
NOT_IN_THE_EVENT_LOG = {
    "workspaces.token_create": "a person's own personal access token",
    "workspaces.token_revoke": "a person's own personal access token",
}


def _discover() -> set[str]:
    found = set()
    for name, short in SERVICE_MODULES.items():
        module = importlib.import_module(name)
        for attr, value in vars(module).items():
            if attr.startswith("_") or not inspect.isfunction(value):
                continue
            # A services package re-exports the services of its modules.
            if value.__module__ != name and not value.__module__.startswith(f"{name}."):
                continue
            params = inspect.signature(value).parameters.values()
            keyword_only = all(p.kind is p.KEYWORD_ONLY for p in params)
            if keyword_only and {"access", "actor"} & {p.name for p in params}:
                found.add(f"{short}.{attr}")
    return found


def _state(world: World, name: str) -> State:
    return State.objects.get(project=world.eng, name=name)


def _relate_then_unrelate(world: World) -> None:
    access = world.access("member")
    relations.issue_relate(access=access, issue=world.eng_issue, other=world.ops_issue)
    relations.issue_unrelate(access=access, issue=world.ops_issue, other=world.eng_issue)


def _three_issues_in(world: World, state_name: str) -> list[Issue]:
    state = _state(world, state_name)
    return [
        issues.issue_create(
            access=world.access("member"), project=world.eng, title=f"{n}", state_id=state.id
        )
        for n in range(3)
    ]


def _bystander(world: World) -> Membership:
    return MembershipFactory(workspace=world.workspace, role=Role.MEMBER)


def _then(setup: object, change: Callable[[], object]) -> None:
    """Run `change` after `setup` (already evaluated): a two-step scenario in one lambda."""
    change()


def _ops_label(world: World):
    return projects.label_create(
        access=world.access("owner"), project=world.ops, name="ops", color="#010203"
    )


def _delete_a_parent(world: World) -> None:
    access = world.access("member")
    parent = issues.issue_create(access=access, project=world.eng, title="Parent")
    issues.issue_update(access=access, issue=world.eng_issue, parent_id=parent.pk)
    issues.issue_delete(access=access, issue=parent)


# service -> (scenario, the events it must record). The scenario runs after the world is built.
Scenario = Callable[[World], object]
SCENARIOS: dict[str, tuple[Scenario, Counter]] = {
    "workspaces.workspace_create": (
        lambda w: workspaces.workspace_create(actor=w.member, slug="fresh", name="Fresh"),
        Counter({"workspace.created": 1}),
    ),
    "workspaces.workspace_update": (
        lambda w: workspaces.workspace_update(
            access=w.access("admin"), workspace=w.workspace, name="Acme 2"
        ),
        Counter({"workspace.updated": 1}),
    ),
    "workspaces.workspace_delete": (
        lambda w: workspaces.workspace_delete(access=w.access("owner"), workspace=w.workspace),
        Counter({"workspace.deleted": 1}),
    ),
    "workspaces.member_change_role": (
        lambda w: workspaces.member_change_role(
            access=w.access("admin"), target=_bystander(w), role=Role.GUEST
        ),
        Counter({"member.role_changed": 1}),
    ),
    "workspaces.member_remove": (
        lambda w: workspaces.member_remove(access=w.access("admin"), target=_bystander(w)),
        Counter({"member.removed": 1}),
    ),
    "workspaces.invitation_create": (
        lambda w: workspaces.invitation_create(
            access=w.access("admin"), email="new@example.com", role=Role.MEMBER
        ),
        Counter({"invitation.created": 1}),
    ),
    "workspaces.invitation_revoke": (
        lambda w: workspaces.invitation_revoke(
            access=w.access("admin"),
            invitation=workspaces.invitation_create(
                access=w.access("admin"), email="new@example.com", role=Role.MEMBER
            )[0],
        ),
        Counter({"invitation.created": 1, "invitation.revoked": 1}),
    ),
    "workspaces.invitation_accept": (
        lambda w: workspaces.invitation_accept(
            actor=UserFactory(email="new@example.com"),
            token=workspaces.invitation_create(
                access=w.access("admin"), email="new@example.com", role=Role.MEMBER
            )[1],
        ),
        Counter({"invitation.created": 1, "invitation.accepted": 1}),
    ),
    "projects.project_create": (
        lambda w: projects.project_create(access=w.access("member"), key="NEW", name="New"),
        Counter({"project.created": 1, "state.created": 5}),
    ),
    "projects.project_update": (
        lambda w: projects.project_update(access=w.access("admin"), project=w.eng, name="E"),
        Counter({"project.updated": 1}),
    ),
    "projects.project_set_archived": (
        lambda w: projects.project_set_archived(
            access=w.access("admin"), project=w.eng, archived=True
        ),
        Counter({"project.archived": 1}),
    ),
    "projects.project_member_add": (
        lambda w: projects.project_member_add(
            access=w.access("admin"), project=w.ops, user_id=w.guest.id
        ),
        Counter({"project.member_added": 1}),
    ),
    "projects.project_member_remove": (
        lambda w: projects.project_member_remove(
            access=w.access("admin"),
            project=w.eng,
            member=ProjectMember.objects.select_related("membership").get(
                project=w.eng, membership__user=w.guest
            ),
        ),
        Counter({"project.member_removed": 1}),
    ),
    "projects.state_create": (
        lambda w: projects.state_create(
            access=w.access("admin"), project=w.eng, name="QA", category="started", color="#000"
        ),
        Counter({"state.created": 1}),
    ),
    "projects.state_reorder": (
        lambda w: projects.state_reorder(
            access=w.access("admin"),
            project=w.eng,
            state_ids=list(
                reversed(
                    State.objects.filter(project=w.eng)
                    .order_by("position")
                    .values_list("id", flat=True)
                )
            ),
        ),
        Counter({"project.states_reordered": 1}),
    ),
    "projects.label_create": (
        lambda w: projects.label_create(
            access=w.access("member"), project=w.eng, name="new", color="#123456"
        ),
        Counter({"label.created": 1}),
    ),
    "projects.label_update": (
        lambda w: projects.label_update(access=w.access("member"), label=w.eng_label, name="b"),
        Counter({"label.updated": 1}),
    ),
    "issues.issue_create": (
        lambda w: issues.issue_create(access=w.access("member"), project=w.eng, title="New"),
        Counter({"issue.created": 1}),
    ),
    "issues.issue_update": (
        lambda w: issues.issue_update(access=w.access("member"), issue=w.eng_issue, title="T"),
        Counter({"issue.updated": 1}),
    ),
    "issues.issue_bulk_update": (
        lambda w: issues.issue_bulk_update(
            access=w.access("member"),
            issues_by_key={"ENG-1": w.eng_issue, "OPS-1": w.ops_issue, "ENG-99": None},
            changes={"priority": "high"},
        ),
        Counter({"issue.updated": 2}),
    ),
    "issues.issue_bulk_create": (
        lambda w: issues.issue_bulk_create(
            access=w.access("member"),
            project=w.eng,
            items=[{"title": "One"}, {"title": "Two", "label_ids": [w.eng_label.id]}],
        ),
        Counter({"issue.created": 2}),
    ),
    "issues.issue_label_add": (
        lambda w: issues.issue_label_add(
            access=w.access("member"), issue=w.ops_issue, label_id=_ops_label(w).id
        ),
        Counter({"label.created": 1, "issue.updated": 1}),
    ),
    "issues.issue_label_remove": (
        lambda w: issues.issue_label_remove(
            access=w.access("member"), issue=w.eng_issue, label_id=w.eng_label.id
        ),
        Counter({"issue.updated": 1}),
    ),
    "issues.issue_assignee_add": (
        lambda w: issues.issue_assignee_add(
            access=w.access("member"), issue=w.eng_issue, user_id=w.member.id
        ),
        Counter({"issue.updated": 1}),
    ),
    "issues.issue_assignee_remove": (
        lambda w: _then(
            issues.issue_assignee_add(
                access=w.access("member"), issue=w.eng_issue, user_id=w.admin.id
            ),
            lambda: issues.issue_assignee_remove(
                access=w.access("member"), issue=w.eng_issue, user_id=w.admin.id
            ),
        ),
        Counter({"issue.updated": 2}),
    ),
    "issues.issue_move": (
        lambda w: issues.issue_move(
            access=w.access("member"), issue=w.eng_issue, state_id=_state(w, "Done").id
        ),
        Counter({"issue.moved": 1}),
    ),
    "issues.issue_delete": (
        lambda w: _delete_a_parent(w),
        # The child (ENG-1) loses its parent: issue.updated besides the setup's two events.
        Counter({"issue.created": 1, "issue.updated": 2, "issue.deleted": 1}),
    ),
    "relations.issue_relate": (
        lambda w: relations.issue_relate(
            access=w.access("member"), issue=w.eng_issue, other=w.ops_issue, kind="blocks"
        ),
        # One on each end.
        Counter({"issue.linked": 2}),
    ),
    "relations.issue_unrelate": (
        lambda w: _relate_then_unrelate(w),
        Counter({"issue.linked": 2, "issue.unlinked": 2}),
    ),
    "issues.comment_create": (
        lambda w: issues.comment_create(access=w.access("guest"), issue=w.eng_issue, body="Hi"),
        Counter({"comment.created": 1}),
    ),
    "issues.comment_update": (
        lambda w: issues.comment_update(
            access=w.access("member"), comment=w.member_comment, body="Edited"
        ),
        Counter({"comment.updated": 1}),
    ),
    "issues.comment_delete": (
        lambda w: issues.comment_delete(access=w.access("admin"), comment=w.member_comment),
        Counter({"comment.deleted": 1}),
    ),
    "projects.state_update": (
        lambda w: (
            _three_issues_in(w, "In Progress"),
            projects.state_update(
                access=w.access("admin"), state=_state(w, "In Progress"), category="completed"
            ),
        ),
        # Recategorizing to completed completes each of its three issues.
        Counter({"issue.created": 3, "state.updated": 1, "issue.updated": 3}),
    ),
    "projects.state_delete": (
        lambda w: _then(
            _three_issues_in(w, "Backlog"),
            lambda: projects.state_delete(
                access=w.access("admin"),
                state=_state(w, "Backlog"),
                move_to=_state(w, "Done"),
            ),
        ),
        Counter({"issue.created": 3, "state.deleted": 1, "issue.moved": 3}),
    ),
    "projects.label_delete": (
        lambda w: projects.label_delete(access=w.access("member"), label=w.eng_label),
        # ENG-1 carries the label.
        Counter({"label.deleted": 1, "issue.updated": 1}),
    ),
    "projects.project_delete": (
        lambda w: _then(
            _three_issues_in(w, "Todo"),
            lambda: projects.project_delete(access=w.access("admin"), project=w.eng),
        ),
        # project.deleted alone stands for ENG-1 and the three new issues: no issue.deleted.
        Counter({"issue.created": 3, "project.deleted": 1}),
    ),
}


def test_every_service_has_a_scenario():
    assert _discover() == set(SCENARIOS) | set(NOT_IN_THE_EVENT_LOG)


@pytest.mark.parametrize("service", sorted(SCENARIOS))
def test_each_change_records_its_events(world: World, service: str):
    # Given the world, and the last event recorded while building it
    scenario, expected = SCENARIOS[service]
    before = Event.objects.order_by("-id").values_list("id", flat=True).first()

    # When the service runs
    scenario(world)

    # Then exactly the declared events were recorded, each with its actor
    recorded = list(Event.objects.filter(id__gt=before).order_by("id"))
    assert Counter(event.name for event in recorded) == expected
    assert all(event.actor_id is not None for event in recorded)


def test_a_cascade_records_its_events_in_one_insert(world, django_assert_num_queries):
    # Given a state holding three issues
    _three_issues_in(world, "Backlog")
    access = world.access("admin")
    state, done = _state(world, "Backlog"), _state(world, "Done")
    state.project = world.eng
    # When it is deleted, the moves of its issues cost no query per issue
    with django_assert_num_queries(9):
        projects.state_delete(access=access, state=state, move_to=done)
    assert Event.objects.filter(name="issue.moved").count() == 3
