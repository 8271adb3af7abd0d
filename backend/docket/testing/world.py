"""A small, complete tenant used by API and access tests.

Workspace `acme` has an owner, an admin, a member and a guest; projects ENG (the guest was added
to it) and OPS (the guest was not); an issue in each with a label and a comment. An outsider owns
workspace `other`, which has its own project and issue.
"""

from dataclasses import dataclass
from types import SimpleNamespace
from typing import Any

from docket.accounts.models import User
from docket.core.access import Access
from docket.issues.models import Comment, Issue
from docket.issues.services import comment_create, issue_create
from docket.projects.access import access_from_membership
from docket.projects.models import Label, Project
from docket.projects.services import label_create, project_create, project_member_add
from docket.testing.factories import MembershipFactory, UserFactory, WorkspaceFactory
from docket.workspaces.models import Membership, Role, Workspace


@dataclass
class World:
    workspace: Workspace
    owner: User
    admin: User
    member: User
    guest: User
    outsider: User
    memberships: dict[str, Membership]
    eng: Project
    ops: Project
    eng_label: Label
    eng_issue: Issue
    ops_issue: Issue
    member_comment: Comment
    other_workspace: Workspace
    other_project: Project
    other_issue: Issue

    def user(self, role: str) -> User | None:
        return None if role == "anonymous" else getattr(self, role)

    def access(self, role: str) -> Access:
        """The access of acme's member with `role` (as a view would build it, fresh)."""
        return access_of(Membership.objects.get(pk=self.memberships[role].pk))


def access_of(membership: Membership) -> Access:
    return access_from_membership(membership)


def build_world() -> World:
    workspace = WorkspaceFactory(slug="acme", name="Acme")
    memberships = {
        role: MembershipFactory(
            workspace=workspace,
            role=role,
            user=UserFactory(email=f"{role}@example.com", display_name=role.title()),
        )
        for role in (Role.OWNER, Role.ADMIN, Role.MEMBER, Role.GUEST)
    }
    owner_m = memberships[Role.OWNER]
    owner = owner_m.user
    eng = project_create(access=access_of(owner_m), key="ENG", name="Engineering")
    ops = project_create(access=access_of(owner_m), key="OPS", name="Operations")
    project_member_add(
        access=access_of(owner_m), project=eng, user_id=memberships[Role.GUEST].user_id
    )
    eng_label = label_create(access=access_of(owner_m), project=eng, name="bug", color="#ff0000")
    eng_issue = issue_create(
        access=access_of(owner_m),
        project=eng,
        title="First ENG issue",
        label_ids=[eng_label.id],
    )
    ops_issue = issue_create(access=access_of(owner_m), project=ops, title="First OPS issue")
    member_m = memberships[Role.MEMBER]
    member_comment = comment_create(access=access_of(member_m), issue=eng_issue, body="Seen it.")

    other_workspace = WorkspaceFactory(slug="other", name="Other")
    outsider_m = MembershipFactory(
        workspace=other_workspace,
        role=Role.OWNER,
        user=UserFactory(email="outsider@example.com", display_name="Outsider"),
    )
    other_project = project_create(
        access=access_of(outsider_m), key="ENG", name="Their engineering"
    )
    other_issue = issue_create(access=access_of(outsider_m), project=other_project, title="Theirs")
    return World(
        workspace=workspace,
        owner=owner,
        admin=memberships[Role.ADMIN].user,
        member=member_m.user,
        guest=memberships[Role.GUEST].user,
        outsider=outsider_m.user,
        memberships={str(role): m for role, m in memberships.items()},
        eng=eng,
        ops=ops,
        eng_label=eng_label,
        eng_issue=eng_issue,
        ops_issue=ops_issue,
        member_comment=member_comment,
        other_workspace=other_workspace,
        other_project=other_project,
        other_issue=other_issue,
    )


def serializer_context(access: Access, *, auth: Any = None) -> dict[str, Any]:
    """What a workspace endpoint gives its output serializers (the view with the caller's
    access, the request with its credentials), for a test that renders one directly."""
    return {
        "view": SimpleNamespace(access=access),
        "request": SimpleNamespace(auth=auth, user=access.user),
    }
