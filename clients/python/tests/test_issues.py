"""Create, page and edit issues with a personal access token, through the SDK only."""

from __future__ import annotations

import pytest

from docket_client.api.issues import (
    issues_delete,
    issues_get,
    issues_move,
    issues_update,
    project_issues_list,
)
from docket_client.api.projects import states_list
from docket_client.models import (
    IssueMoveInput,
    IssueOutput,
    PatchedIssueUpdateInput,
)
from docket_client.models.project_issues_list_ordering import ProjectIssuesListOrdering
from docket_sdk import Docket, NotFound, PreconditionFailed, etag, parsed_as
from tests.conftest import Tenant, create_issue, unique


def test_create_then_read_by_key(docket: Docket, tenant: Tenant) -> None:
    title = unique("Created by the SDK")

    created = create_issue(docket, tenant, title)
    fetched = parsed_as(
        docket.call(issues_get.sync_detailed, tenant.workspace, created.key), IssueOutput
    )

    assert created.key.startswith(f"{tenant.project}-")
    assert (fetched.id, fetched.title) == (created.id, title)


def test_pages_follow_the_cursor_across_more_than_one_page(docket: Docket, tenant: Tenant) -> None:
    marker = unique("paged")
    keys = [create_issue(docket, tenant, f"{marker} {n}").key for n in range(5)]

    pages = list(
        docket.pages(
            project_issues_list.sync_detailed,
            tenant.workspace,
            tenant.project,
            q=marker,
            limit=2,
            ordering=ProjectIssuesListOrdering.NUMBER,
        )
    )
    listed = [item.key for page in pages for item in page.results]

    assert [len(page.results) for page in pages] == [2, 2, 1]
    assert pages[-1].next_cursor is None
    assert listed == keys
    assert [
        item.key
        for item in docket.items(
            project_issues_list.sync_detailed, tenant.workspace, tenant.project, q=marker, limit=2
        )
    ] == list(reversed(keys))


def test_edit_with_if_match_and_a_stale_etag_fails(docket: Docket, tenant: Tenant) -> None:
    issue = create_issue(docket, tenant, unique("Conditional edit"))
    read = docket.call(issues_get.sync_detailed, tenant.workspace, issue.key)
    first_tag = etag(read)

    edited = docket.call(
        issues_update.sync_detailed,
        tenant.workspace,
        issue.key,
        body=PatchedIssueUpdateInput(title="Edited once"),
        if_match=first_tag,
    )
    with pytest.raises(PreconditionFailed) as stale:
        docket.call(
            issues_update.sync_detailed,
            tenant.workspace,
            issue.key,
            body=PatchedIssueUpdateInput(title="Edited from a stale copy"),
            if_match=first_tag,
        )

    assert etag(edited) != first_tag
    assert stale.value.status == 412
    assert stale.value.code == "precondition_failed"
    now = parsed_as(docket.call(issues_get.sync_detailed, tenant.workspace, issue.key), IssueOutput)
    assert now.title == "Edited once"


def test_move_and_delete_with_if_match(docket: Docket, tenant: Tenant) -> None:
    issue = create_issue(docket, tenant, unique("Move then delete"))
    states = list(docket.items(states_list.sync_detailed, tenant.workspace, tenant.project))
    target = next(state for state in states if state.id != issue.state.id)
    tag = etag(docket.call(issues_get.sync_detailed, tenant.workspace, issue.key))

    moved = docket.call(
        issues_move.sync_detailed,
        tenant.workspace,
        issue.key,
        body=IssueMoveInput(state_id=target.id),
        if_match=tag,
    )
    with pytest.raises(PreconditionFailed):
        docket.call(issues_delete.sync_detailed, tenant.workspace, issue.key, if_match=tag)
    docket.call(issues_delete.sync_detailed, tenant.workspace, issue.key, if_match=etag(moved))

    assert parsed_as(moved, IssueOutput).state.id == target.id
    with pytest.raises(NotFound):
        docket.call(issues_get.sync_detailed, tenant.workspace, issue.key)
