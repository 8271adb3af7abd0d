"""What project-level writes do to issues, an app above this one.

Recategorizing or deleting a state, deleting a label or a project changes the issues in them.
Those rows and their events belong to the issues app: it implements `IssueCascades`
(docket.issues.cascades) and installs it when it is ready (IssuesConfig.ready). The project
services call it inside their own transaction, after taking their own locks (states before
issues, the lock order of every write), and record the events it returns in the same INSERT as
their own, so the change feed and every consumer see what happened to each issue.
"""

from __future__ import annotations

from typing import Protocol

from django.core.exceptions import ImproperlyConfigured

from docket.core.access import Access
from docket.core.models import Event
from docket.projects.models import Label, Project, State


class IssueCascades(Protocol):
    def state_recategorized(self, *, access: Access, state: State) -> list[Event]:
        """Make completed_at follow `state`'s new category on its issues; one event each."""
        ...

    def state_emptied(self, *, access: Access, state: State, move_to: State | None) -> list[Event]:
        """Move the issues of `state` (about to be deleted) to the end of `move_to`'s column,
        in order; one event each. ValidationFailed if there are any and `move_to` is None."""
        ...

    def label_removed(self, *, access: Access, label: Label) -> list[Event]:
        """Take `label` (about to be deleted) off its issues; one event each."""
        ...

    def project_removed(self, *, access: Access, project: Project) -> tuple[int, list[Event]]:
        """`project` was just marked deleted: how many issues it had, and the events of the
        issues of other projects that lose a relation to them. Asks for its purge on commit."""
        ...


class _Installed:
    cascades: IssueCascades | None = None


def issue_cascades_install(cascades: IssueCascades) -> None:
    _Installed.cascades = cascades


def issue_cascades() -> IssueCascades:
    if _Installed.cascades is None:
        raise ImproperlyConfigured("No app installed the issue cascades (docket.issues does).")
    return _Installed.cascades
