"""The SDK's `FeedEvent` is exactly the generated feed's item type, and each event decodes to
its own model (the schema's discriminated union), its changes typed as that event's."""

from __future__ import annotations

import typing
import uuid

import docket_client.models
from docket_client.models import (
    EventName,
    IssueMovedChanges,
    IssueMovedChangesState,
    IssueMovedChangesStateNewType0,
    IssueMovedFeedEvent,
    PaginatedFeedEventOutputList,
    WorkspaceUpdatedFeedEvent,
)
from docket_sdk import FeedEvent


def _event(name: str, changes: dict[str, object]) -> dict[str, object]:
    return {
        "id": 7,
        "name": name,
        "actor": None,
        "project_id": None,
        "subject_type": "issue",
        "subject_id": str(uuid.uuid4()),
        "subject_label": "ENG-1",
        "changes": changes,
        "created_at": "2026-01-01T00:00:00+00:00",
    }


def test_feed_event_is_the_generated_item_type() -> None:
    hints = typing.get_type_hints(PaginatedFeedEventOutputList, localns=vars(docket_client.models))
    (item,) = typing.get_args(hints["results"])
    assert set(typing.get_args(item)) == set(typing.get_args(FeedEvent))
    assert len(typing.get_args(FeedEvent)) == len(EventName)


def test_each_event_decodes_to_its_own_type_with_typed_changes() -> None:
    # Given a page of the feed with two kinds of event
    state = {"id": str(uuid.uuid4()), "name": "Done", "category": "completed"}
    body = {
        "results": [
            _event("issue.moved", {"state": {"old": None, "new": state}}),
            _event("workspace.updated", {"name": {"old": "a", "new": "b"}}),
        ],
        "next_cursor": None,
    }

    # When the generated client decodes it
    page = PaginatedFeedEventOutputList.from_dict(body)

    # Then each event is its own model, its changes typed (nothing left untyped), and the
    # page encodes back to what was read
    moved, renamed = page.results
    assert isinstance(moved, IssueMovedFeedEvent)
    assert isinstance(moved.changes, IssueMovedChanges)
    assert moved.changes.additional_properties == {}
    assert isinstance(moved.changes.state, IssueMovedChangesState)
    assert isinstance(moved.changes.state.new, IssueMovedChangesStateNewType0)
    assert moved.changes.state.new.category == "completed"
    assert isinstance(renamed, WorkspaceUpdatedFeedEvent)
    assert str(renamed.name) == EventName.WORKSPACE_UPDATED.value
    assert page.to_dict() == body
