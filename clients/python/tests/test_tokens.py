"""A `read` personal access token reads but cannot write."""

from __future__ import annotations

import pytest

from docket_client.api.issues import issues_create, project_issues_list
from docket_client.models import IssueCreateInput
from docket_sdk import Docket, Forbidden, Unauthorized
from tests.conftest import Tenant, create_issue, unique


def test_a_read_token_cannot_write(docket: Docket, reader: Docket, tenant: Tenant) -> None:
    readable = create_issue(docket, tenant, unique("Readable"))
    title = unique("Never created")

    with pytest.raises(Forbidden) as refused:
        reader.call(
            issues_create.sync_detailed,
            tenant.workspace,
            tenant.project,
            body=IssueCreateInput(title=title),
        )

    assert refused.value.code == "insufficient_scope"
    keys = [
        i.key
        for i in reader.items(project_issues_list.sync_detailed, tenant.workspace, tenant.project)
    ]
    assert readable.key in keys
    assert not list(
        docket.items(project_issues_list.sync_detailed, tenant.workspace, tenant.project, q=title)
    )


def test_an_unknown_token_is_unauthorized(tenant: Tenant) -> None:
    with (
        Docket(tenant.base_url, token="dkt_pat_" + "x" * 43) as stranger,
        pytest.raises(Unauthorized) as refused,
    ):
        stranger.call(project_issues_list.sync_detailed, tenant.workspace, tenant.project)

    assert refused.value.code == "token_not_valid"


def test_only_a_personal_access_token_is_accepted(tenant: Tenant) -> None:
    with pytest.raises(ValueError, match="dkt_pat_"):
        Docket(tenant.base_url, token="eyJhbGciOiJIUzI1NiJ9.a-jwt.not-a-token")
