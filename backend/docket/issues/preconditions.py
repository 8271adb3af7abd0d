"""What a write checks before it changes an issue: the project is open, and the caller's copy
of the issue is current."""

from __future__ import annotations

from collections.abc import Collection

from docket.core.errors import Conflict, PreconditionFailed
from docket.issues.models import Issue
from docket.projects.models import Project


def ensure_version(issue: Issue, expected: Collection[int] | None) -> None:
    """Refuse the write if the caller's copy of `issue` (re-read under its row lock) is stale:
    its version is none of `expected`. None means the caller named no version."""
    if expected is not None and issue.version not in expected:
        raise PreconditionFailed(
            "The issue changed since you read it; reload it and try again.",
        )


def archived_refusal(project: Project) -> Conflict | None:
    """The refusal of a write to an archived project's issues, or None. A bulk write hands it to
    each issue of the project instead of raising."""
    if project.archived_at is None:
        return None
    return Conflict(
        "The project is archived; unarchive it to change its issues.", code="project_archived"
    )


def ensure_open(project: Project) -> None:
    error = archived_refusal(project)
    if error is not None:
        raise error
