"""What project-level writes do to issues: this app's side of docket.projects.cascades.

Recategorizing or deleting a state, deleting a label or a project are project services
(docket.projects.services); the issues in them follow here, each recording one event that the
project service emits in the same INSERT as its own. The project service has locked what it
changes first (states before issues, the lock order of every write); these lock the issues.
IssuesConfig.ready installs this module as the projects app's IssueCascades.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from docket.core.access import Access
from docket.core.errors import ValidationFailed
from docket.core.models import Event
from docket.core.purges import purge_request
from docket.issues import events as issue_events
from docket.issues.columns import completed_at_in, end_of_column
from docket.issues.history import issue_event, state_ref
from docket.issues.models import Issue, IssueLabel
from docket.issues.positions import key_between
from docket.issues.relations import relations_cleared_events
from docket.issues.tasks import purge_project
from docket.projects.models import Label, Project, State, StateCategory


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


def state_recategorized(*, access: Access, state: State) -> list[Event]:
    """completed_at follows the state's new category for every issue in it."""
    completed = state.category == StateCategory.COMPLETED
    affected = Issue.objects.filter(state=state, completed_at__isnull=completed)
    issues = list(
        affected.select_for_update(no_key=True, of=("self",))
        .select_related("project")
        .order_by("pk")
    )
    if not issues:
        return []
    now = timezone.now()
    new_value = now if completed else None
    Issue.objects.filter(pk__in=[issue.pk for issue in issues]).update(
        completed_at=new_value, updated_at=now, version=F("version") + 1
    )
    return [
        issue_event(
            issue_events.ISSUE_UPDATED,
            access=access,
            issue=issue,
            changes={"completed_at": {"old": _iso(issue.completed_at), "new": _iso(new_value)}},
        )
        for issue in issues
    ]


def state_emptied(*, access: Access, state: State, move_to: State | None) -> list[Event]:
    """The issues of `state` move to the end of `move_to`'s column, in order, each recording
    `issue.moved`; `move_to` must be named if there are any."""
    issues = list(
        Issue.objects.select_for_update(no_key=True, of=("self",))
        .filter(state=state)
        .select_related("project")
        .order_by("position", "id")
    )
    if not issues:
        return []
    if move_to is None:
        raise ValidationFailed.for_field(
            "move_to",
            "required",
            "This state still holds issues: name a state to move them to.",
        )
    cascade = []
    position = end_of_column(move_to)
    now = timezone.now()
    for issue in issues:
        old_position, old_completed = issue.position, issue.completed_at
        issue.state = move_to
        issue.position = position
        issue.completed_at = completed_at_in(move_to, issue.completed_at)
        issue.updated_at = now  # bulk_update skips auto_now
        issue.version += 1
        position = key_between(position, None)
        changes = {
            "position": {"old": old_position, "new": issue.position},
            "state": {"old": state_ref(state), "new": state_ref(move_to)},
        }
        if old_completed != issue.completed_at:
            changes["completed_at"] = {"old": _iso(old_completed), "new": _iso(issue.completed_at)}
        cascade.append(
            issue_event(issue_events.ISSUE_MOVED, access=access, issue=issue, changes=changes)
        )
    Issue.objects.bulk_update(
        issues, ["state", "position", "completed_at", "updated_at", "version"]
    )
    return cascade


def label_removed(*, access: Access, label: Label) -> list[Event]:
    """Each issue that had the label records `issue.updated` with its labels before and after."""
    issues = list(
        Issue.objects.select_for_update(no_key=True, of=("self",))
        .filter(pk__in=IssueLabel.objects.filter(label=label).values("issue_id"))
        .select_related("project")
        .order_by("pk")
    )
    labels_of: dict[Any, list[dict[str, str]]] = defaultdict(list)
    for link in IssueLabel.objects.filter(issue__in=issues).select_related("label"):
        labels_of[link.issue_id].append({"id": str(link.label.id), "name": link.label.name})
    cascade = []
    for issue in issues:
        old = sorted(labels_of[issue.pk], key=lambda ref: ref["id"])
        new = [ref for ref in old if ref["id"] != str(label.pk)]
        cascade.append(
            issue_event(
                issue_events.ISSUE_UPDATED,
                access=access,
                issue=issue,
                changes={"labels": {"old": old, "new": new}},
            )
        )
    if issues:
        Issue.objects.filter(pk__in=[issue.pk for issue in issues]).update(
            updated_at=timezone.now(), version=F("version") + 1
        )
    return cascade


def project_removed(*, access: Access, project: Project) -> tuple[int, list[Event]]:
    """The deleted project's issue count, and `issue.unlinked` on each issue of another project
    that was related to one of its issues. Once the deletion commits, `purge_project` removes
    the rows in batches."""
    count = Issue.objects.filter(project=project).count()
    cascade = relations_cleared_events(project=project, access=access)
    project_id = project.pk
    transaction.on_commit(lambda: purge_request(purge_project, project_id))
    return count, cascade
