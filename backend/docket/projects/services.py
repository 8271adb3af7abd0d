"""Writes for projects, their members, workflow states and labels.

Writes whose effects reach issues (deleting a project, a state or a label, recategorizing a
state) change them through `docket.projects.cascades`, which the issues app fills in: issues
depend on projects, never the other way round.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from docket.accounts.models import User
from docket.core.access import Access
from docket.core.errors import Conflict, NotFound, ValidationFailed
from docket.core.events import EventType, diff, emit, new_event
from docket.core.keys import PROJECT_KEY_PATTERN
from docket.core.models import Event
from docket.core.roles import Role
from docket.core.rows import lock_existing
from docket.core.types import UNSET, Maybe
from docket.projects import events
from docket.projects.cascades import issue_cascades
from docket.projects.models import (
    DEFAULT_WORKFLOW,
    Label,
    Project,
    ProjectMember,
    State,
)
from docket.projects.permissions import (
    ensure_can_contribute,
    ensure_can_delete_project,
    ensure_can_manage_project,
)
from docket.workspaces.models import Membership


def project_event(
    kind: EventType,
    *,
    access: Access,
    subject: Project | State | Label,
    changes: dict | None = None,
) -> Event:
    """An unsaved event about a project or a part of its workflow (a state, a label): named by
    the project's key or the part's name, and filed under the project."""
    if isinstance(subject, Project):
        label, project_id = subject.key, subject.pk
    else:
        label, project_id = subject.name, subject.project_id
    return new_event(
        kind,
        access=access,
        subject_id=subject.pk,
        subject_label=label,
        project_id=project_id,
        changes=changes,
    )


def _member_of(access: Access, user_id: Any, *, field: str) -> Membership:
    try:
        target = Membership.objects.select_related("user").get(
            workspace_id=access.workspace_id, user_id=user_id
        )
    except (Membership.DoesNotExist, ValueError, TypeError) as exc:
        raise ValidationFailed.for_field(
            field, "not_a_member", "That user is not a member of this workspace."
        ) from exc
    return target


def _lead(access: Access, lead_id: Any) -> User | None:
    if lead_id is None:
        return None
    lead = _member_of(access, lead_id, field="lead_id")
    if lead.role == Role.GUEST:
        raise ValidationFailed.for_field("lead_id", "guest_not_allowed", "A guest cannot lead.")
    return lead.user


def project_create(
    *,
    access: Access,
    key: str,
    name: str,
    description: str = "",
    lead_id: uuid.UUID | None = None,
) -> Project:
    """Create a project with the default workflow. Members and above. Records project.created
    and state.created for each state of the workflow."""
    ensure_can_contribute(access, action="create projects")
    if not re.match(PROJECT_KEY_PATTERN, key):
        raise ValidationFailed.for_field(
            "key", "invalid_key", "Use 2 to 10 upper-case letters, such as ENG."
        )
    lead = _lead(access, lead_id)
    try:
        with transaction.atomic():
            project = Project.objects.create(
                workspace_id=access.workspace_id,
                key=key,
                name=name.strip(),
                description=description,
                lead=lead,
            )
            states = State.objects.bulk_create(
                State(
                    workspace_id=access.workspace_id,
                    project=project,
                    name=state_name,
                    category=category,
                    color=color,
                    position=index,
                )
                for index, (state_name, category, color) in enumerate(DEFAULT_WORKFLOW)
            )
            emit(
                project_event(
                    events.PROJECT_CREATED,
                    access=access,
                    subject=project,
                    changes=diff({}, {"key": key, "name": project.name}),
                ),
                *(
                    project_event(
                        events.STATE_CREATED,
                        access=access,
                        subject=state,
                        changes=diff({}, state_snapshot(state)),
                    )
                    for state in states
                ),
            )
    except IntegrityError as exc:
        raise ValidationFailed.for_field(
            "key", "key_taken", "A project with this key already exists."
        ) from exc
    return project


def project_update(
    *,
    access: Access,
    project: Project,
    name: Maybe[str] = UNSET,
    description: Maybe[str] = UNSET,
    lead_id: Maybe[uuid.UUID | None] = UNSET,
) -> Project:
    """Change a project's name, description or lead. Admins and the lead."""
    ensure_can_manage_project(access, project)
    before = {"name": project.name, "description": project.description, "lead_id": project.lead_id}
    if name is not UNSET:
        project.name = name.strip()
    if description is not UNSET:
        project.description = description
    if lead_id is not UNSET:
        project.lead = _lead(access, lead_id)
    after = {"name": project.name, "description": project.description, "lead_id": project.lead_id}
    changes = diff(before, after)
    if changes:
        if "lead_id" in changes:
            changes["lead_id"] = {k: str(v) if v else None for k, v in changes["lead_id"].items()}
        with transaction.atomic():
            lock_existing(project, message="Project not found.", code="project_not_found")
            project.save(update_fields=["name", "description", "lead", "updated_at"])
            emit(
                project_event(
                    events.PROJECT_UPDATED, access=access, subject=project, changes=changes
                )
            )
    return project


def project_set_archived(*, access: Access, project: Project, archived: bool) -> Project:
    """Archive or unarchive a project. Idempotent: repeating it changes and records nothing."""
    ensure_can_manage_project(access, project)
    if (project.archived_at is not None) == archived:
        return project
    with transaction.atomic():
        lock_existing(project, message="Project not found.", code="project_not_found")
        old = project.archived_at
        project.archived_at = timezone.now() if archived else None
        project.save(update_fields=["archived_at", "updated_at"])
        emit(
            project_event(
                events.PROJECT_ARCHIVED if archived else events.PROJECT_UNARCHIVED,
                access=access,
                subject=project,
                changes={
                    "archived_at": {
                        "old": old.isoformat() if old else None,
                        "new": project.archived_at.isoformat() if project.archived_at else None,
                    }
                },
            )
        )
    return project


def project_member_add(*, access: Access, project: Project, user_id: uuid.UUID) -> ProjectMember:
    """Add a workspace member to a project (how guests get access). Idempotent."""
    ensure_can_manage_project(access, project)
    target = _member_of(access, user_id, field="user_id")
    with transaction.atomic():
        member, created = ProjectMember.objects.get_or_create(
            project=project, membership=target, defaults={"workspace_id": project.workspace_id}
        )
        if created:
            emit(
                project_event(
                    events.PROJECT_MEMBER_ADDED,
                    access=access,
                    subject=project,
                    changes={"user_id": {"old": None, "new": str(target.user_id)}},
                )
            )
    return member


def project_member_remove(*, access: Access, project: Project, member: ProjectMember) -> None:
    """Take someone off a project. Admins and the lead."""
    ensure_can_manage_project(access, project)
    if member.project_id != project.pk:
        raise ValidationFailed.for_field("user_id", "not_in_project", "Not in this project.")
    with transaction.atomic():
        emit(
            project_event(
                events.PROJECT_MEMBER_REMOVED,
                access=access,
                subject=project,
                changes={"user_id": {"old": str(member.membership.user_id), "new": None}},
            )
        )
        member.delete()


# --- Workflow states ---------------------------------------------------------------------------


def state_name_taken() -> ValidationFailed:
    return ValidationFailed.for_field(
        "name", "name_taken", "A state with this name already exists in the project."
    )


def state_snapshot(state: State) -> dict[str, Any]:
    return {"name": state.name, "category": state.category, "color": state.color}


def state_create(
    *, access: Access, project: Project, name: str, category: str, color: str
) -> State:
    """Add a workflow state at the end of the project's workflow. Admins and the lead."""
    ensure_can_manage_project(access, project)
    try:
        with transaction.atomic():
            Project.objects.select_for_update().filter(pk=project.pk).first()
            last = State.objects.filter(project=project).order_by("-position").first()
            state = State.objects.create(
                workspace_id=project.workspace_id,
                project=project,
                name=name.strip(),
                category=category,
                color=color,
                position=(last.position + 1) if last else 0,
            )
            emit(
                project_event(
                    events.STATE_CREATED,
                    access=access,
                    subject=state,
                    changes=diff({}, state_snapshot(state)),
                )
            )
    except IntegrityError as exc:
        raise state_name_taken() from exc
    return state


def state_reorder(*, access: Access, project: Project, state_ids: list[uuid.UUID]) -> list[State]:
    """Put the project's states in the given order; the list must name each state once."""
    ensure_can_manage_project(access, project)
    with transaction.atomic():
        states = {
            s.id: s
            for s in State.objects.select_for_update().filter(project=project).order_by("id")
        }
        if len(state_ids) != len(set(state_ids)) or set(state_ids) != set(states):
            raise ValidationFailed.for_field(
                "state_ids",
                "not_a_permutation",
                "List every state of the project exactly once.",
            )
        old_order = [str(s.id) for s in sorted(states.values(), key=lambda s: s.position)]
        ordered = [states[state_id] for state_id in state_ids]
        for position, state in enumerate(ordered):
            state.position = position
        State.objects.bulk_update(ordered, ["position"])
        new_order = [str(state_id) for state_id in state_ids]
        if old_order != new_order:
            emit(
                project_event(
                    events.PROJECT_STATES_REORDERED,
                    access=access,
                    subject=project,
                    changes={"state_ids": {"old": old_order, "new": new_order}},
                )
            )
    return ordered


# --- Labels ------------------------------------------------------------------------------------


def _label_name_taken() -> ValidationFailed:
    return ValidationFailed.for_field(
        "name", "name_taken", "A label with this name already exists in the project."
    )


def label_create(*, access: Access, project: Project, name: str, color: str) -> Label:
    """Create a label in a project. Members and above."""
    ensure_can_contribute(access, action="create labels")
    access.ensure_can_see(project)
    try:
        with transaction.atomic():
            label = Label.objects.create(
                workspace_id=project.workspace_id, project=project, name=name.strip(), color=color
            )
            emit(
                project_event(
                    events.LABEL_CREATED,
                    access=access,
                    subject=label,
                    changes=diff({}, {"name": label.name, "color": color}),
                )
            )
    except IntegrityError as exc:
        raise _label_name_taken() from exc
    return label


def label_update(
    *, access: Access, label: Label, name: Maybe[str] = UNSET, color: Maybe[str] = UNSET
) -> Label:
    """Rename or recolor a label. Members and above."""
    ensure_can_contribute(access, action="edit labels")
    access.ensure_can_see(label.project)
    before = {"name": label.name, "color": label.color}
    if name is not UNSET:
        label.name = name.strip()
    if color is not UNSET:
        label.color = color
    changes = diff(before, {"name": label.name, "color": label.color})
    if not changes:
        return label
    try:
        with transaction.atomic():
            lock_existing(label, message="Label not found.", code="label_not_found")
            label.save(update_fields=["name", "color", "updated_at"])
            emit(project_event(events.LABEL_UPDATED, access=access, subject=label, changes=changes))
    except IntegrityError as exc:
        raise _label_name_taken() from exc
    return label


def state_update(
    *,
    access: Access,
    state: State,
    name: Maybe[str] = UNSET,
    category: Maybe[str] = UNSET,
    color: Maybe[str] = UNSET,
) -> State:
    """Rename, recolor or recategorize a state. Admins and the lead. Issues in it follow a new
    category (completed_at set or cleared), each recording `issue.updated`."""
    project = state.project
    ensure_can_manage_project(access, project)
    before = state_snapshot(state)
    if name is not UNSET:
        state.name = name.strip()
    if category is not UNSET:
        state.category = category
    if color is not UNSET:
        state.color = color
    changes = diff(before, state_snapshot(state))
    if not changes:
        return state
    try:
        with transaction.atomic():
            lock_existing(state, message="State not found.", code="state_not_found")
            state.save(update_fields=["name", "category", "color", "updated_at"])
            cascade = (
                issue_cascades().state_recategorized(access=access, state=state)
                if "category" in changes
                else []
            )
            emit(
                project_event(events.STATE_UPDATED, access=access, subject=state, changes=changes),
                *cascade,
            )
    except IntegrityError as exc:
        raise state_name_taken() from exc
    return state


def state_delete(*, access: Access, state: State, move_to: State | None) -> None:
    """Delete a state. Admins and the lead. Its issues move to the end of `move_to`'s column,
    in order, each recording `issue.moved`; `move_to` must be named if there are any."""
    project = state.project
    ensure_can_manage_project(access, project)
    if move_to is not None and (move_to.project_id != project.id or move_to.id == state.id):
        raise ValidationFailed.for_field(
            "move_to", "invalid_state", "Move issues to another state of the same project."
        )
    with transaction.atomic():
        # Every state of the project, by id: the lock order of every write path (states, then
        # issues), and no concurrent delete can leave the project without a state.
        states = list(State.objects.select_for_update().filter(project=project).order_by("pk"))
        if not any(other.pk != state.pk for other in states):
            raise Conflict("A project needs at least one state.", code="last_state")
        cascade = issue_cascades().state_emptied(access=access, state=state, move_to=move_to)
        emit(
            project_event(
                events.STATE_DELETED,
                access=access,
                subject=state,
                changes={
                    **diff(state_snapshot(state), {}),
                    "moved_issues": {"old": None, "new": len(cascade)},
                },
            ),
            *cascade,
        )
        state.delete()


def label_delete(*, access: Access, label: Label) -> None:
    """Delete a label. Members and above. Each issue that had it records `issue.updated` with
    its labels before and after."""
    ensure_can_contribute(access, action="delete labels")
    access.ensure_can_see(label.project)
    with transaction.atomic():
        cascade = issue_cascades().label_removed(access=access, label=label)
        emit(
            project_event(
                events.LABEL_DELETED,
                access=access,
                subject=label,
                changes={"name": {"old": label.name, "new": None}},
            ),
            *cascade,
        )
        label.delete()


def project_delete(*, access: Access, project: Project) -> None:
    """Delete a project with all its issues. Admins and owners only (not the lead).

    A soft delete that answers at once, whatever the project's size: it sets `deleted_at`, after
    which the project and its issues are gone for everyone (selectors and the access skip it)
    and its key is free again. Records `project.deleted`, the one event consumers of the project
    need: it means every issue of the project is gone (no `issue.deleted` per issue); and
    `issue.unlinked` on each issue of another project that was related to one of them, whose
    relations change. Once this commits, the issues app's `purge_project` removes the rows in
    batches. NotFound if it is already deleted.
    """
    ensure_can_delete_project(access, project)
    with transaction.atomic():
        now = timezone.now()
        # Conditional, under the row lock (the lock order of every issue write): of two deletes
        # at once, one records the event; an issue created meanwhile is purged with the rest.
        marked = Project.objects.filter(pk=project.pk, deleted_at__isnull=True).update(
            deleted_at=now, updated_at=now
        )
        if not marked:
            raise NotFound("Project not found.", code="project_not_found")
        project.deleted_at = now
        deleted_issues, cascade = issue_cascades().project_removed(access=access, project=project)
        emit(
            project_event(
                events.PROJECT_DELETED,
                access=access,
                subject=project,
                changes={
                    "key": {"old": project.key, "new": None},
                    "deleted_issues": {"old": deleted_issues, "new": None},
                },
            ),
            *cascade,
        )
