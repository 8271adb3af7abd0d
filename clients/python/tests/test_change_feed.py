"""An integration that was offline catches up through the change feed from its last cursor.

The feed hands out only events below the database's commit horizon (see `event_feed`): while any
older transaction on the server is still open, the newest events wait, and a reader simply
calls again later from the cursor it kept. So these tests read until what they wait for has
arrived, with a deadline, the way an integration's poll loop would.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from docket_client.api.issues import issues_delete, issues_update
from docket_client.models import (
    IssueCreatedFeedEvent,
    IssueDeletedFeedEvent,
    IssueUpdatedFeedEvent,
    PatchedIssueUpdateInput,
)
from docket_sdk import Docket, FeedEvent
from tests.conftest import Tenant, create_issue, unique

DEADLINE_SECONDS = 15.0


def _read_until(
    docket: Docket,
    workspace: str,
    cursor: str | None,
    done: Callable[[list[FeedEvent]], bool],
) -> tuple[list[FeedEvent], str | None]:
    """Keep reading from `cursor` (and the cursors handed back) until `done(events)`."""
    events: list[FeedEvent] = []
    deadline = time.monotonic() + DEADLINE_SECONDS
    while True:
        changes = docket.changes_since(workspace, cursor, limit=2)
        events.extend(changes.events)
        cursor = changes.cursor
        if done(events):
            return events, cursor
        assert time.monotonic() < deadline, f"the feed did not catch up: {events}"
        time.sleep(0.2)


def test_catch_up_after_being_offline_sees_exactly_the_changes_in_order(
    docket: Docket, tenant: Tenant
) -> None:
    # Given an integration that read the feed up to now (a fence issue it made marks "now")
    fence = create_issue(docket, tenant, unique("Fence"))
    _, cursor = _read_until(
        docket,
        tenant.workspace,
        None,
        lambda events: any(event.subject_label == fence.key for event in events),
    )

    # When, while it is offline, issues are created, edited and deleted
    first = create_issue(docket, tenant, unique("Offline one"))
    second = create_issue(docket, tenant, unique("Offline two"))
    docket.call(
        issues_update.sync_detailed,
        tenant.workspace,
        first.key,
        body=PatchedIssueUpdateInput(title="Offline one, renamed"),
    )
    docket.call(issues_delete.sync_detailed, tenant.workspace, second.key)

    # Then reading from its cursor, in small pages, gives exactly those changes in order
    events, latest = _read_until(docket, tenant.workspace, cursor, lambda events: len(events) >= 4)
    # (each decoded to its own type: the feed is a union discriminated by name)
    assert [(type(event), event.subject_label) for event in events] == [
        (IssueCreatedFeedEvent, first.key),
        (IssueCreatedFeedEvent, second.key),
        (IssueUpdatedFeedEvent, first.key),
        (IssueDeletedFeedEvent, second.key),
    ]
    ids = [event.id for event in events]
    assert ids == sorted(ids)

    # And the cursor it keeps now is the present: nothing more behind it
    assert latest not in (None, cursor)
    assert docket.changes_since(tenant.workspace, latest).events == []
