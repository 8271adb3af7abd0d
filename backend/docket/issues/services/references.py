"""Reference resolution: every id a write names must belong to the issue's project or
workspace."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from django.db import connection

from docket.accounts.models import User
from docket.core.errors import FieldError, ValidationFailed
from docket.core.roles import Role
from docket.issues.models import Issue
from docket.projects.models import Label, Project, ProjectMember, State, StateCategory
from docket.workspaces.models import Membership

MAX_PARENT_DEPTH = 1000


class Errors:
    def __init__(self) -> None:
        self.items: list[FieldError] = []

    def add(self, field: str, code: str, message: str) -> None:
        self.items.append(FieldError(field, code, message))

    def error(self) -> ValidationFailed | None:
        if not self.items:
            return None
        message = self.items[0].message if len(self.items) == 1 else "The input is not valid."
        return ValidationFailed(message, errors=self.items)

    def raise_if_any(self) -> None:
        error = self.error()
        if error is not None:
            raise error


def resolve_state(project: Project, state_id: Any, errors: Errors) -> State | None:
    state = State.objects.filter(project=project, id=state_id).first()
    if state is None:
        errors.add("state_id", "invalid_state", "No such state in this project.")
    return state


def default_state(project: Project) -> State:
    return default_state_among(
        list(State.objects.filter(project=project).order_by("position", "id"))
    )


def default_state_among(states: Sequence[State]) -> State:
    """Where a new issue goes when none is named: the first unstarted column, else backlog."""
    for category in (StateCategory.UNSTARTED, StateCategory.BACKLOG):
        for state in states:
            if state.category == category:
                return state
    return states[0]


def resolve_labels(
    project: Project, label_ids: Sequence[Any], errors: Errors, *, field: str = "label_ids"
) -> list[Label]:
    wanted = list(dict.fromkeys(label_ids))
    labels = list(Label.objects.filter(project=project, id__in=wanted))
    if len(labels) != len(wanted):
        errors.add(field, "invalid_label", "Labels must belong to the issue's project.")
    return labels


def assignable(project: Project, user_ids: Sequence[Any]) -> list[User]:
    """Those of `user_ids` who may be assigned in `project`: workspace members who see it."""
    memberships = list(
        Membership.objects.filter(
            workspace_id=project.workspace_id, user_id__in=user_ids
        ).select_related("user")
    )
    guests_in_project = set(
        ProjectMember.objects.filter(
            project=project, membership__in=[m for m in memberships if m.role == Role.GUEST]
        ).values_list("membership_id", flat=True)
    )
    return [m.user for m in memberships if m.role != Role.GUEST or m.id in guests_in_project]


def resolve_assignees(
    project: Project, user_ids: Sequence[Any], errors: Errors, *, field: str = "assignee_ids"
) -> list[User]:
    wanted = list(dict.fromkeys(user_ids))
    allowed = assignable(project, wanted)
    if len(allowed) != len(wanted):
        errors.add(
            field,
            "invalid_assignee",
            "Assignees must be workspace members who can see this project.",
        )
    return allowed


def ancestor_ids(issue: Issue) -> set[uuid.UUID]:
    """`issue` and its ancestors, in one recursive query (bounded against corrupt loops)."""
    table = Issue._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH RECURSIVE ancestors(id, parent_id, depth) AS (
                SELECT id, parent_id, 0 FROM {table} WHERE id = %s
                UNION ALL
                SELECT i.id, i.parent_id, a.depth + 1
                FROM {table} i JOIN ancestors a ON i.id = a.parent_id
                WHERE a.depth < %s
            )
            SELECT id FROM ancestors
            """,  # noqa: S608 - the table name is ours, values are parameters
            [issue.id, MAX_PARENT_DEPTH],
        )
        return {row[0] for row in cursor.fetchall()}


def resolve_parent(project: Project, parent_id: Any, errors: Errors) -> Issue | None:
    if parent_id is None:
        return None
    parent = Issue.objects.select_related("project").filter(project=project, id=parent_id).first()
    if parent is None:
        errors.add("parent_id", "invalid_parent", "The parent must be an issue of this project.")
    return parent


def parent_cycle() -> ValidationFailed:
    return ValidationFailed.for_field(
        "parent_id", "parent_cycle", "An issue cannot be its own ancestor."
    )
