"""External references (an importer's id for an issue), unique per project."""

from __future__ import annotations

from django.db import IntegrityError

from docket.core.errors import Conflict
from docket.issues.models import Issue
from docket.projects.models import Project

EXTERNAL_REF_CONSTRAINT = "issue_external_ref_unique"


def external_ref_taken(ref: str) -> Conflict:
    return Conflict(
        f"Another issue of this project has the external reference {ref!r}.",
        code="external_ref_taken",
    )


def clean_external_ref(value: str | None) -> str | None:
    """Blank means none: an importer that sends "" has no reference to keep unique."""
    if value is None:
        return None
    return value.strip() or None


def ensure_external_ref_free(project: Project, ref: str | None, *, issue: Issue | None) -> None:
    """Refuse a reference another issue of the project has. The unique constraint decides in
    the end (see is_external_ref_race): this check only gives the common case its clear answer
    without a failed INSERT."""
    if ref is None:
        return
    taken = Issue.objects.filter(project=project, external_ref=ref)
    if issue is not None:
        taken = taken.exclude(pk=issue.pk)
    if taken.exists():
        raise external_ref_taken(ref)


def is_external_ref_race(error: IntegrityError) -> bool:
    """True if `error` is the external_ref constraint refusing a write: another transaction
    took the reference between our check and our write."""
    diag = getattr(error.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None) == EXTERNAL_REF_CONSTRAINT
