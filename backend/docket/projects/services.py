"""Writes for projects, their members, workflow states and labels."""

from __future__ import annotations

import re
import uuid
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from docket.accounts.models import User
from docket.core.errors import Conflict, ValidationFailed
from docket.core.events import diff, record_event
from docket.core.types import UNSET, Maybe
from docket.issues.services import issues_move_out_of_state, issues_sync_completion
from docket.projects.models import (
    DEFAULT_WORKFLOW,
    PROJECT_KEY_PATTERN,
    Label,
    Project,
    ProjectMember,
    State,
)
from docket.projects.permissions import ensure_can_contribute, ensure_can_manage_project
from docket.workspaces.models import Membership, Role
from docket.workspaces.permissions import ensure_role


def _record(actor: User, project: Project, name: str, subject: Any, label: str, changes=None):
    return record_event(
        actor=actor,
        workspace_id=project.workspace_id,
        project_id=project.pk,
        name=name,
        subject_type=subject._meta.model_name,
        subject_id=subject.pk,
        subject_label=label,
        changes=changes,
    )


def _member_of(membership: Membership, user_id: Any, *, field: str) -> Membership:
    try:
        target = Membership.objects.select_related("user").get(
            workspace_id=membership.workspace_id, user_id=user_id
        )
    except (Membership.DoesNotExist, ValueError, TypeError) as exc:
        raise ValidationFailed.for_field(
            field, "not_a_member", "That user is not a member of this workspace."
        ) from exc
    return target


def _lead(membership: Membership, lead_id: Any) -> User | None:
    if lead_id is None:
        return None
    lead = _member_of(membership, lead_id, field="lead_id")
    if lead.role == Role.GUEST:
        raise ValidationFailed.for_field("lead_id", "guest_not_allowed", "A guest cannot lead.")
    return lead.user


def project_create(
    *,
    membership: Membership,
    actor: User,
    key: str,
    name: str,
    description: str = "",
    lead_id: uuid.UUID | None = None,
) -> Project:
    """Create a project with the default workflow. Members and above."""
    ensure_can_contribute(membership, action="create projects")
    if not re.match(PROJECT_KEY_PATTERN, key):
        raise ValidationFailed.for_field(
            "key", "invalid_key", "Use 2 to 10 upper-case letters, such as ENG."
        )
    lead = _lead(membership, lead_id)
    try:
        with transaction.atomic():
            project = Project.objects.create(
                workspace_id=membership.workspace_id,
                key=key,
                name=name.strip(),
                description=description,
                lead=lead,
            )
            State.objects.bulk_create(
                State(
                    workspace_id=membership.workspace_id,
                    project=project,
                    name=state_name,
                    category=category,
                    color=color,
                    position=index,
                )
                for index, (state_name, category, color) in enumerate(DEFAULT_WORKFLOW)
            )
            _record(
                actor,
                project,
                "project.created",
                project,
                project.key,
                {"key": {"old": None, "new": key}, "name": {"old": None, "new": project.name}},
            )
    except IntegrityError as exc:
        raise ValidationFailed.for_field(
            "key", "key_taken", "A project with this key already exists."
        ) from exc
    return project


def project_update(
    *,
    membership: Membership,
    actor: User,
    project: Project,
    name: Maybe[str] = UNSET,
    description: Maybe[str] = UNSET,
    lead_id: Maybe[uuid.UUID | None] = UNSET,
) -> Project:
    """Change a project's name, description or lead. Admins and the lead."""
    ensure_can_manage_project(membership, project)
    before = {"name": project.name, "description": project.description, "lead_id": project.lead_id}
    if name is not UNSET:
        project.name = name.strip()
    if description is not UNSET:
        project.description = description
    if lead_id is not UNSET:
        project.lead = _lead(membership, lead_id)
    after = {"name": project.name, "description": project.description, "lead_id": project.lead_id}
    changes = diff(before, after)
    if changes:
        if "lead_id" in changes:
            changes["lead_id"] = {k: str(v) if v else None for k, v in changes["lead_id"].items()}
        with transaction.atomic():
            project.save(update_fields=["name", "description", "lead", "updated_at"])
            _record(actor, project, "project.updated", project, project.key, changes)
    return project


def project_set_archived(
    *, membership: Membership, actor: User, project: Project, archived: bool
) -> Project:
    """Archive or unarchive a project. Idempotent: repeating it changes and records nothing."""
    ensure_can_manage_project(membership, project)
    if (project.archived_at is not None) == archived:
        return project
    with transaction.atomic():
        old = project.archived_at
        project.archived_at = timezone.now() if archived else None
        project.save(update_fields=["archived_at", "updated_at"])
        _record(
            actor,
            project,
            "project.archived" if archived else "project.unarchived",
            project,
            project.key,
            {
                "archived_at": {
                    "old": old.isoformat() if old else None,
                    "new": project.archived_at.isoformat() if project.archived_at else None,
                }
            },
        )
    return project


def project_delete(*, membership: Membership, actor: User, project: Project) -> None:
    """Delete a project with all its issues. Admins and owners only (not the lead)."""
    ensure_role(membership, Role.ADMIN, action="delete projects")
    with transaction.atomic():
        _record(actor, project, "project.deleted", project, project.key)
        project.delete()


def project_member_add(
    *, membership: Membership, actor: User, project: Project, user_id: uuid.UUID
) -> ProjectMember:
    """Add a workspace member to a project (how guests get access). Idempotent."""
    ensure_can_manage_project(membership, project)
    target = _member_of(membership, user_id, field="user_id")
    with transaction.atomic():
        member, created = ProjectMember.objects.get_or_create(
            project=project, membership=target, defaults={"workspace_id": project.workspace_id}
        )
        if created:
            _record(
                actor,
                project,
                "project.member_added",
                project,
                project.key,
                {"user_id": {"old": None, "new": str(target.user_id)}},
            )
    return member


def project_member_remove(
    *, membership: Membership, actor: User, project: Project, member: ProjectMember
) -> None:
    ensure_can_manage_project(membership, project)
    with transaction.atomic():
        _record(
            actor,
            project,
            "project.member_removed",
            project,
            project.key,
            {"user_id": {"old": str(member.membership.user_id), "new": None}},
        )
        member.delete()


# --- Workflow states ---------------------------------------------------------------------------


def _state_name_taken() -> ValidationFailed:
    return ValidationFailed.for_field(
        "name", "name_taken", "A state with this name already exists in the project."
    )


def _state_snapshot(state: State) -> dict[str, Any]:
    return {"name": state.name, "category": state.category, "color": state.color}


def state_create(
    *, membership: Membership, actor: User, project: Project, name: str, category: str, color: str
) -> State:
    """Add a workflow state at the end of the project's workflow."""
    ensure_can_manage_project(membership, project)
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
            _record(
                actor,
                project,
                "state.created",
                state,
                state.name,
                diff({}, _state_snapshot(state)),
            )
    except IntegrityError as exc:
        raise _state_name_taken() from exc
    return state


def state_update(
    *,
    membership: Membership,
    actor: User,
    state: State,
    name: Maybe[str] = UNSET,
    category: Maybe[str] = UNSET,
    color: Maybe[str] = UNSET,
) -> State:
    """Rename, recolor or recategorize a state; issues in it follow the new category."""
    project = state.project
    ensure_can_manage_project(membership, project)
    before = _state_snapshot(state)
    if name is not UNSET:
        state.name = name.strip()
    if category is not UNSET:
        state.category = category
    if color is not UNSET:
        state.color = color
    changes = diff(before, _state_snapshot(state))
    if not changes:
        return state
    try:
        with transaction.atomic():
            state.save(update_fields=["name", "category", "color", "updated_at"])
            if "category" in changes:
                issues_sync_completion(state=state)
            _record(actor, project, "state.updated", state, state.name, changes)
    except IntegrityError as exc:
        raise _state_name_taken() from exc
    return state


def state_reorder(
    *, membership: Membership, actor: User, project: Project, state_ids: list[uuid.UUID]
) -> list[State]:
    """Put the project's states in the given order; the list must name each state once."""
    ensure_can_manage_project(membership, project)
    with transaction.atomic():
        states = {s.id: s for s in State.objects.select_for_update().filter(project=project)}
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
            _record(
                actor,
                project,
                "project.states_reordered",
                project,
                project.key,
                {"state_ids": {"old": old_order, "new": new_order}},
            )
    return ordered


def state_delete(
    *, membership: Membership, actor: User, state: State, move_to: State | None
) -> None:
    """Delete a state. Its issues move to `move_to`, which must be named if there are any."""
    project = state.project
    ensure_can_manage_project(membership, project)
    if move_to is not None and (move_to.project_id != project.id or move_to.id == state.id):
        raise ValidationFailed.for_field(
            "move_to", "invalid_state", "Move issues to another state of the same project."
        )
    with transaction.atomic():
        remaining = State.objects.select_for_update().filter(project=project).exclude(id=state.id)
        if not remaining.exists():
            raise Conflict("A project needs at least one state.", code="last_state")
        moved = issues_move_out_of_state(actor=actor, state=state, target=move_to)
        _record(
            actor,
            project,
            "state.deleted",
            state,
            state.name,
            {
                **diff(_state_snapshot(state), {}),
                "moved_issues": {"old": None, "new": moved},
            },
        )
        state.delete()


# --- Labels ------------------------------------------------------------------------------------


def _label_name_taken() -> ValidationFailed:
    return ValidationFailed.for_field(
        "name", "name_taken", "A label with this name already exists in the project."
    )


def label_create(
    *, membership: Membership, actor: User, project: Project, name: str, color: str
) -> Label:
    ensure_can_contribute(membership, action="create labels")
    try:
        with transaction.atomic():
            label = Label.objects.create(
                workspace_id=project.workspace_id, project=project, name=name.strip(), color=color
            )
            _record(
                actor,
                project,
                "label.created",
                label,
                label.name,
                {"name": {"old": None, "new": label.name}, "color": {"old": None, "new": color}},
            )
    except IntegrityError as exc:
        raise _label_name_taken() from exc
    return label


def label_update(
    *,
    membership: Membership,
    actor: User,
    label: Label,
    name: Maybe[str] = UNSET,
    color: Maybe[str] = UNSET,
) -> Label:
    ensure_can_contribute(membership, action="edit labels")
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
            label.save(update_fields=["name", "color", "updated_at"])
            _record(actor, label.project, "label.updated", label, label.name, changes)
    except IntegrityError as exc:
        raise _label_name_taken() from exc
    return label


def label_delete(*, membership: Membership, actor: User, label: Label) -> None:
    ensure_can_contribute(membership, action="delete labels")
    with transaction.atomic():
        _record(actor, label.project, "label.deleted", label, label.name)
        label.delete()
