"""Access answers both ways, and they agree: what a caller sees, and who sees a project."""

import pytest

from docket.core.errors import NotFound
from docket.projects.access import access_for_workspace, access_from_ids, project_audience
from docket.projects.models import ProjectMember
from docket.projects.services import project_member_remove
from docket.testing.factories import MembershipFactory, UserFactory
from docket.workspaces.models import Role

pytestmark = pytest.mark.django_db


def test_the_audience_of_a_project_is_exactly_who_can_see_it(world):
    # Given acme's four members and an inactive member
    MembershipFactory(
        workspace=world.workspace, role=Role.MEMBER, user=UserFactory(is_active=False)
    )
    people = {role: world.access(role) for role in ("owner", "admin", "member", "guest")}

    for project in (world.eng, world.ops):
        audience = project_audience(workspace_id=world.workspace.id, project_id=project.id)
        # Then each direction gives the same answer for every member
        assert audience == {a.user_id for a in people.values() if a.can_see_project(project.id)}
    assert world.guest.id in project_audience(
        workspace_id=world.workspace.id, project_id=world.eng.id
    )
    assert world.guest.id not in project_audience(
        workspace_id=world.workspace.id, project_id=world.ops.id
    )
    assert world.outsider.id not in project_audience(
        workspace_id=world.workspace.id, project_id=world.eng.id
    )


def test_an_access_rebuilt_from_ids_matches_the_request_one(world, django_assert_num_queries):
    with django_assert_num_queries(1):
        by_slug, workspace = access_for_workspace(user=world.guest, workspace_slug="acme")
    by_ids = access_from_ids(user_id=world.guest.id, workspace_id=workspace.id)
    assert (by_ids.role, by_ids.visible_project_ids) == (Role.GUEST, frozenset({world.eng.id}))
    assert by_ids.visible_project_ids == by_slug.visible_project_ids
    # A guest taken off the project loses it; someone who left loses the workspace.
    member = ProjectMember.objects.select_related("membership").get(project=world.eng)
    project_member_remove(access=world.access("owner"), project=world.eng, member=member)
    assert (
        access_from_ids(user_id=world.guest.id, workspace_id=workspace.id).visible_project_ids
        == frozenset()
    )
    with pytest.raises(NotFound):
        access_from_ids(user_id=world.outsider.id, workspace_id=workspace.id)


def test_a_guest_lists_only_the_members_of_their_projects(world, as_user):
    # Given a second guest added to ENG and a member on no project
    other_guest = MembershipFactory(workspace=world.workspace, role=Role.GUEST)
    ProjectMember.objects.create(
        project=world.eng, membership=other_guest, workspace=world.workspace
    )

    seen = {
        m["user"]["id"]
        for m in as_user(world.guest).get("/api/v1/workspaces/acme/members").json()["results"]
    }
    everyone = {
        m["user"]["id"]
        for m in as_user(world.member).get("/api/v1/workspaces/acme/members").json()["results"]
    }

    assert seen == {str(world.guest.id), str(other_guest.user.id)}
    assert everyone >= {str(world.owner.id), str(world.admin.id), str(world.member.id)} | seen
