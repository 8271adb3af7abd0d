"""Bulk create with per-item results, and one label put on and taken off, through the SDK only."""

from __future__ import annotations

import uuid

from docket_client.api.issues import (
    issues_bulk_create,
    issues_labels_add,
    issues_labels_remove,
)
from docket_client.api.projects import labels_create
from docket_client.models import (
    IssueBulkCreateInput,
    IssueBulkCreateOutput,
    IssueCreateInput,
    IssueOutput,
    LabelCreateInput,
    LabelOutput,
)
from docket_sdk import Docket, etag, parsed_as
from tests.conftest import Tenant, unique


def _label(docket: Docket, tenant: Tenant, name: str) -> LabelOutput:
    response = docket.call(
        labels_create.sync_detailed,
        tenant.workspace,
        tenant.project,
        body=LabelCreateInput(name=unique(name), color="#336699"),
    )
    return parsed_as(response, LabelOutput)


def test_bulk_create_reports_each_item_and_creates_the_valid_ones(
    docket: Docket, tenant: Tenant
) -> None:
    marker = unique("bulk")
    no_such_label = uuid.uuid4()

    response = docket.call(
        issues_bulk_create.sync_detailed,
        tenant.workspace,
        tenant.project,
        body=IssueBulkCreateInput(
            issues=[
                IssueCreateInput(title=f"{marker} one"),
                IssueCreateInput(title=f"{marker} invalid", label_ids=[no_such_label]),
                IssueCreateInput(title=f"{marker} three"),
            ]
        ),
    )
    results = parsed_as(response, IssueBulkCreateOutput).results

    assert [(item.index, item.status) for item in results] == [(0, 201), (1, 400), (2, 201)]
    first, refused, third = results
    assert first.issue is not None
    assert third.issue is not None
    assert (first.issue.title, third.issue.title) == (f"{marker} one", f"{marker} three")
    assert int(third.issue.key.split("-")[1]) == int(first.issue.key.split("-")[1]) + 1
    assert refused.issue is None
    assert refused.error is not None
    assert refused.error.code == "validation_error"
    assert refused.error.errors[0].code == "invalid_label"


def test_one_label_is_added_then_removed_without_touching_the_other(
    docket: Docket, tenant: Tenant
) -> None:
    kept, toggled = _label(docket, tenant, "kept"), _label(docket, tenant, "toggled")
    created = parsed_as(
        docket.call(
            issues_bulk_create.sync_detailed,
            tenant.workspace,
            tenant.project,
            body=IssueBulkCreateInput(
                issues=[IssueCreateInput(title=unique("labelled"), label_ids=[kept.id])]
            ),
        ),
        IssueBulkCreateOutput,
    ).results[0]
    assert created.issue is not None
    key = created.issue.key

    added = docket.call(issues_labels_add.sync_detailed, tenant.workspace, key, toggled.id)
    with_both = parsed_as(added, IssueOutput)
    removed = docket.call(
        issues_labels_remove.sync_detailed,
        tenant.workspace,
        key,
        toggled.id,
        if_match=etag(added),
    )
    with_one = parsed_as(removed, IssueOutput)

    assert {label.id for label in with_both.labels} == {kept.id, toggled.id}
    assert [label.id for label in with_one.labels] == [kept.id]
    assert etag(removed) != etag(added)
