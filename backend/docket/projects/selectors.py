"""Reads for projects, states and labels, scoped to the caller's membership.

Guests see only projects they were added to; for everyone else every project is visible.
"""

from django.db.models import Exists, OuterRef, QuerySet

from docket.core.errors import NotFound
from docket.projects.models import Label, Project, ProjectMember, State
from docket.workspaces.models import Membership, Role


def visible_projects(*, membership: Membership) -> QuerySet[Project]:
    projects = Project.objects.filter(workspace_id=membership.workspace_id)
    if membership.role == Role.GUEST:
        projects = projects.filter(
            Exists(ProjectMember.objects.filter(project=OuterRef("pk"), membership=membership))
        )
    return projects


def project_list(*, membership: Membership, include_archived: bool = False) -> QuerySet[Project]:
    projects = visible_projects(membership=membership).select_related("lead")
    if not include_archived:
        projects = projects.filter(archived_at__isnull=True)
    return projects


def project_get(*, membership: Membership, key: str) -> Project:
    project = visible_projects(membership=membership).select_related("lead").filter(key=key).first()
    if project is None:
        raise NotFound("Project not found.", code="project_not_found")
    return project


def project_member_list(*, project: Project) -> QuerySet[ProjectMember]:
    return ProjectMember.objects.filter(project=project).select_related("membership__user")


def project_member_get(*, project: Project, user_id: str) -> ProjectMember:
    member = project_member_list(project=project).filter(membership__user_id=user_id).first()
    if member is None:
        raise NotFound("That user is not in this project.", code="member_not_found")
    return member


def state_list(*, project: Project) -> QuerySet[State]:
    return State.objects.filter(project=project).order_by("position", "id")


def state_get(*, project: Project, state_id: str) -> State:
    state = State.objects.filter(project=project, id=state_id).first()
    if state is None:
        raise NotFound("State not found.", code="state_not_found")
    return state


def label_list(*, project: Project) -> QuerySet[Label]:
    return Label.objects.filter(project=project)


def label_get(*, project: Project, label_id: str) -> Label:
    label = Label.objects.filter(project=project, id=label_id).first()
    if label is None:
        raise NotFound("Label not found.", code="label_not_found")
    return label
