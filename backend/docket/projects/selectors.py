"""Reads for projects, their members, states and labels, scoped to the caller's access.

Guests see only projects they were added to; for everyone else every project is visible. Child
selectors take the access too and check the parent against it, so none is callable unscoped.
"""

from django.db.models import QuerySet

from docket.core.access import Access
from docket.core.errors import NotFound
from docket.projects.models import Label, Project, ProjectMember, State


def visible_projects(*, access: Access) -> QuerySet[Project]:
    # A deleted project is gone for everyone the moment its deletion commits (its purge follows).
    projects = Project.objects.filter(workspace_id=access.workspace_id, deleted_at__isnull=True)
    if access.visible_project_ids is not None:
        projects = projects.filter(id__in=access.visible_project_ids)
    return projects


def project_list(*, access: Access, include_archived: bool = False) -> QuerySet[Project]:
    projects = visible_projects(access=access).select_related("lead")
    if not include_archived:
        projects = projects.filter(archived_at__isnull=True)
    return projects


def project_get(*, access: Access, key: str) -> Project:
    project = visible_projects(access=access).select_related("lead").filter(key=key).first()
    if project is None:
        raise NotFound("Project not found.", code="project_not_found")
    return project


def project_member_list(*, access: Access, project: Project) -> QuerySet[ProjectMember]:
    access.ensure_can_see(project)
    return ProjectMember.objects.filter(project=project).select_related("membership__user")


def project_member_get(*, access: Access, project: Project, user_id: str) -> ProjectMember:
    member = (
        project_member_list(access=access, project=project)
        .filter(membership__user_id=user_id)
        .first()
    )
    if member is None:
        raise NotFound("That user is not in this project.", code="member_not_found")
    return member


def state_list(*, access: Access, project: Project) -> QuerySet[State]:
    access.ensure_can_see(project)
    return State.objects.filter(project=project).order_by("position", "id")


def state_get(*, access: Access, project: Project, state_id: str) -> State:
    state = state_list(access=access, project=project).filter(id=state_id).first()
    if state is None:
        raise NotFound("State not found.", code="state_not_found")
    state.project = project
    return state


def label_list(*, access: Access, project: Project, search: str = "") -> QuerySet[Label]:
    """The project's labels; with `search`, only those whose name contains it (any case)."""
    access.ensure_can_see(project)
    labels = Label.objects.filter(project=project)
    return labels.filter(name__icontains=search) if search else labels


def label_get(*, access: Access, project: Project, label_id: str) -> Label:
    label = label_list(access=access, project=project).filter(id=label_id).first()
    if label is None:
        raise NotFound("Label not found.", code="label_not_found")
    label.project = project
    return label
