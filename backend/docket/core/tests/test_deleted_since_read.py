"""A write to something another request deleted since we read it is a 404, never a 500.

(Found by the API fuzzer: PATCH of a state deleted a moment before by a concurrent request.)
"""

import pytest

from docket.core.errors import NotFound
from docket.core.models import Event
from docket.issues.services import comment_update
from docket.projects.models import Label, Project, State
from docket.projects.services import (
    label_update,
    project_set_archived,
    project_update,
    state_update,
)
from docket.testing.factories import MembershipFactory
from docket.workspaces.models import Invitation, Membership, Role
from docket.workspaces.services import invitation_create, invitation_revoke, member_change_role

pytestmark = pytest.mark.django_db


def _gone(obj) -> None:
    """Delete the row behind `obj`, keeping the stale instance (as another request would)."""
    type(obj).objects.filter(pk=obj.pk).delete()


def test_every_update_of_a_row_deleted_since_it_was_read_is_not_found(world):
    admin = world.access("admin")
    state = State.objects.select_related("project").get(project=world.eng, name="Canceled")
    label = Label.objects.select_related("project").get(pk=world.eng_label.pk)
    comment = world.member_comment
    bystander = MembershipFactory(workspace=world.workspace, role=Role.MEMBER)
    invitation, _ = invitation_create(access=admin, email="late@example.com", role=Role.MEMBER)
    ops = Project.objects.get(pk=world.ops.pk)
    for stale in (state, label, comment, bystander, invitation):
        _gone(stale)
    Project.objects.filter(pk=ops.pk).delete()
    events = Event.objects.count()

    attempts = [
        lambda: state_update(access=admin, state=state, name="Renamed"),
        lambda: label_update(access=admin, label=label, name="renamed"),
        lambda: comment_update(access=world.access("member"), comment=comment, body="Edited"),
        lambda: member_change_role(access=admin, target=bystander, role=Role.GUEST),
        lambda: invitation_revoke(access=admin, invitation=invitation),
        lambda: project_update(access=admin, project=ops, name="Renamed"),
        lambda: project_set_archived(access=admin, project=ops, archived=True),
    ]
    for attempt in attempts:
        with pytest.raises(NotFound):
            attempt()
    assert Event.objects.count() == events
    assert not Membership.objects.filter(pk=bystander.pk).exists()
    assert not Invitation.objects.filter(pk=invitation.pk).exists()
