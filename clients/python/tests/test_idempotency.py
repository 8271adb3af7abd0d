"""A POST retried with its idempotency key runs once."""

from __future__ import annotations

import uuid

import pytest

from docket_client.api.issues import issues_create, project_issues_list
from docket_client.models import IssueCreateInput, IssueOutput
from docket_sdk import ApiError, Docket, parsed_as, replayed
from tests.conftest import Sleeps, Tenant, quick_policy, unique
from tests.servers import FlakyProxy


def _matching(docket: Docket, tenant: Tenant, marker: str) -> list[str]:
    return [
        item.key
        for item in docket.items(
            project_issues_list.sync_detailed, tenant.workspace, tenant.project, q=marker
        )
    ]


def test_the_same_key_twice_creates_one_issue_and_replays(docket: Docket, tenant: Tenant) -> None:
    title = unique("Created once")
    key = str(uuid.uuid4())

    answers = [
        docket.call(
            issues_create.sync_detailed,
            tenant.workspace,
            tenant.project,
            body=IssueCreateInput(title=title),
            idempotency_key=key,
        )
        for _ in range(2)
    ]

    first, second = (parsed_as(answer, IssueOutput) for answer in answers)
    assert first.id == second.id
    assert [replayed(answer) for answer in answers] == [False, True]
    assert _matching(docket, tenant, title) == [first.key]


def test_a_lost_answer_is_retried_with_the_same_generated_key(
    docket: Docket, tenant: Tenant, proxy: FlakyProxy, sleeps: Sleeps
) -> None:
    # Given a network that delivers the POST but loses the server's answer (a 503 instead)
    proxy.script.extend(["lose"])
    title = unique("Lost answer")

    # When the SDK creates through it without naming a key
    with Docket(proxy.url, token=tenant.write_token, retry=quick_policy(sleeps)) as flaky:
        answer = flaky.call(
            issues_create.sync_detailed,
            tenant.workspace,
            tenant.project,
            body=IssueCreateInput(title=title),
        )

    # Then it retried with the key it generated, and the server replayed the first answer
    posts = [seen for seen in proxy.seen if seen.method == "POST"]
    assert [seen.answered for seen in posts] == [503, 201]
    keys = {seen.headers["idempotency-key"] for seen in posts}
    assert len(keys) == 1
    assert uuid.UUID(keys.pop())
    assert replayed(answer)
    assert _matching(docket, tenant, title) == [parsed_as(answer, IssueOutput).key]


def test_a_key_still_in_flight_is_retried_until_the_first_answer_can_be_replayed(
    docket: Docket, tenant: Tenant, proxy: FlakyProxy, sleeps: Sleeps
) -> None:
    # Given a first try whose answer was lost, and a retry that finds it still running
    proxy.script.extend(["lose", (409, "idempotency_key_in_flight")])
    title = unique("In flight")

    with Docket(proxy.url, token=tenant.write_token, retry=quick_policy(sleeps)) as flaky:
        answer = flaky.call(
            issues_create.sync_detailed,
            tenant.workspace,
            tenant.project,
            body=IssueCreateInput(title=title),
        )

    assert [seen.answered for seen in proxy.seen] == [503, 409, 201]
    assert len({seen.headers["idempotency-key"] for seen in proxy.seen}) == 1
    assert replayed(answer)
    assert _matching(docket, tenant, title) == [parsed_as(answer, IssueOutput).key]


def test_another_conflict_is_not_retried(tenant: Tenant, proxy: FlakyProxy, sleeps: Sleeps) -> None:
    proxy.script.extend([(409, "conflict")])

    with (
        Docket(proxy.url, token=tenant.write_token, retry=quick_policy(sleeps)) as flaky,
        pytest.raises(ApiError) as conflict,
    ):
        flaky.call(
            issues_create.sync_detailed,
            tenant.workspace,
            tenant.project,
            body=IssueCreateInput(title=unique("Conflict")),
        )

    assert (conflict.value.status, conflict.value.code) == (409, "conflict")
    assert len(proxy.seen) == 1
    assert sleeps == []
