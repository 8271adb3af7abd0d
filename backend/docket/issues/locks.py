"""Row locks of issue writes.

Lock order, the same on every write path so that two writers can never wait on each other in a
cycle: the project row (issue numbers), then state rows (board columns, by id), then issue rows
(by id). Issue rows are locked FOR NO KEY UPDATE, which does not block the key-share locks that
inserting a comment or a link takes on its issue.
"""

from __future__ import annotations

from collections.abc import Iterable

from docket.issues.models import Issue
from docket.projects.models import State


def lock_states(states: Iterable[State]) -> None:
    """Lock board columns, by id. Every write that places an issue in a column locks the column's
    state row first, so two writers never compute the same key between the same neighbours."""
    ids = sorted({state.pk for state in states})
    if ids:
        list(State.objects.select_for_update().filter(pk__in=ids).order_by("pk").values_list("pk"))


def lock_issues(issues: Iterable[Issue], *, deleting: bool = False) -> list[Issue]:
    """Lock issue rows, by id, and return them re-read: what a concurrent writer committed
    before we got the lock is what we change.

    A deletion takes the stronger FOR UPDATE. Rows that reference an issue (a subscription or
    notification the relay inserts meanwhile) take FOR KEY SHARE when their foreign key is
    checked, which FOR NO KEY UPDATE lets through: such a row committed between the deletion's
    cascade and its COMMIT would fail the deletion (a 500). Under FOR UPDATE it either committed
    before the cascade looked (and is deleted with the issue) or waits and fails itself (the
    relay retries, and skips the deleted issue)."""
    ids = sorted({issue.pk for issue in issues})
    # Lock, then read, in two statements. A locking SELECT that joins the state would, after
    # waiting on a writer that moved the issue, re-check the join against the state row it had
    # already read and drop the issue (PostgreSQL's recheck of non-locked joined rows).
    list(
        Issue.objects.select_for_update(no_key=not deleting)
        .filter(pk__in=ids)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return list(
        Issue.objects.filter(pk__in=ids)
        .select_related("project", "state", "parent__project")
        .order_by("pk")
    )
