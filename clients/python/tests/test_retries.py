"""The retry layer, against a local stand-in for a flaky network in front of the live server."""

from __future__ import annotations

import socket
from datetime import UTC, datetime

import httpx
import pytest

from docket_client.api.issues import issues_update, project_issues_list
from docket_client.models import PatchedIssueUpdateInput
from docket_sdk import NO_RETRIES, ApiError, Docket, RateLimited, RetryPolicy, RetryTransport
from docket_sdk.retry import IDEMPOTENCY_KEY, retry_after_seconds
from tests.conftest import Sleeps, Tenant, create_issue, quick_policy, unique
from tests.servers import FlakyProxy


def test_a_503_is_retried_with_capped_exponential_backoff(
    tenant: Tenant, proxy: FlakyProxy, sleeps: Sleeps
) -> None:
    proxy.script.extend([503, 503, 503])
    policy = RetryPolicy(attempts=4, base_delay=1.0, max_delay=3.0, sleep=sleeps, jitter=lambda: 1)

    with Docket(proxy.url, token=tenant.read_token, retry=policy) as flaky:
        flaky.call(project_issues_list.sync_detailed, tenant.workspace, tenant.project)

    assert [seen.answered for seen in proxy.seen] == [503, 503, 503, 200]
    assert sleeps == [1.0, 2.0, 3.0]


def test_a_429_waits_as_long_as_retry_after_says(
    tenant: Tenant, proxy: FlakyProxy, sleeps: Sleeps
) -> None:
    proxy.retry_after = "7"
    proxy.script.extend([429])

    with Docket(proxy.url, token=tenant.read_token, retry=quick_policy(sleeps)) as flaky:
        flaky.call(project_issues_list.sync_detailed, tenant.workspace, tenant.project)

    assert [seen.answered for seen in proxy.seen] == [429, 200]
    assert sleeps == [7.0]


def test_retries_run_out_with_the_last_answer_as_the_error(
    tenant: Tenant, proxy: FlakyProxy, sleeps: Sleeps
) -> None:
    proxy.retry_after = "1"
    proxy.script.extend([429, 429, 429])

    with (
        Docket(proxy.url, token=tenant.read_token, retry=quick_policy(sleeps, attempts=3)) as flaky,
        pytest.raises(RateLimited) as limited,
    ):
        flaky.call(project_issues_list.sync_detailed, tenant.workspace, tenant.project)

    assert len(proxy.seen) == 3
    assert limited.value.retry_after == "1"


def test_a_patch_is_retried_on_429_and_not_on_a_503_that_may_follow_its_write(
    docket: Docket, tenant: Tenant, proxy: FlakyProxy, sleeps: Sleeps
) -> None:
    issue = create_issue(docket, tenant, unique("Patched through a proxy"))
    proxy.script.extend([429])

    with Docket(proxy.url, token=tenant.write_token, retry=quick_policy(sleeps)) as flaky:
        flaky.call(
            issues_update.sync_detailed,
            tenant.workspace,
            issue.key,
            body=PatchedIssueUpdateInput(title="Patched"),
        )
        # The proxy forwards this one and answers 503: the write happened, so it is not sent again.
        proxy.script.extend(["lose"])
        with pytest.raises(ApiError) as lost:
            flaky.call(
                issues_update.sync_detailed,
                tenant.workspace,
                issue.key,
                body=PatchedIssueUpdateInput(title="Patched again"),
            )

    assert lost.value.status == 503
    assert [(seen.method, seen.answered) for seen in proxy.seen] == [
        ("PATCH", 429),
        ("PATCH", 200),
        ("PATCH", 503),
    ]


def test_a_refused_connection_is_retried_then_raised(tenant: Tenant, sleeps: Sleeps) -> None:
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]  # nothing listens once it is closed

    policy = RetryPolicy(attempts=3, base_delay=0.5, sleep=sleeps, jitter=lambda: 1)
    with (
        Docket(f"http://127.0.0.1:{port}", token=tenant.read_token, retry=policy) as offline,
        pytest.raises(httpx.ConnectError),
    ):
        offline.call(project_issues_list.sync_detailed, tenant.workspace, tenant.project)

    assert sleeps == [0.5, 1.0]


def test_no_retries_means_one_try(tenant: Tenant, proxy: FlakyProxy) -> None:
    proxy.script.extend([503])

    with (
        Docket(proxy.url, token=tenant.read_token, retry=NO_RETRIES) as once,
        pytest.raises(Exception, match="503"),
    ):
        once.call(project_issues_list.sync_detailed, tenant.workspace, tenant.project)

    assert len(proxy.seen) == 1


def test_retry_after_is_read_as_seconds_or_an_http_date() -> None:
    now = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)

    assert retry_after_seconds("3") == 3.0
    assert retry_after_seconds("Thu, 01 Jan 2026 12:00:30 GMT", now=now) == 30.0
    assert retry_after_seconds("Thu, 01 Jan 2026 11:00:00 GMT", now=now) == 0.0
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


# --- 503 from the API itself, against a local stand-in that answers as scripted ---------------

NOT_FORWARDED = "http://127.0.0.1:9"  # the stand-in answers every scripted request itself


@pytest.mark.parametrize("method", ["GET", "HEAD", "PUT", "DELETE"])
def test_an_idempotent_request_waits_retry_after_on_503_then_succeeds(
    method: str, sleeps: Sleeps
) -> None:
    with FlakyProxy(upstream=NOT_FORWARDED, retry_after="2") as api:
        api.script.extend([503, 200])
        with httpx.Client(transport=RetryTransport(quick_policy(sleeps))) as client:
            answer = client.request(method, f"{api.url}/api/v1/anything")

    assert answer.status_code == 200
    assert [(seen.method, seen.answered) for seen in api.seen] == [(method, 503), (method, 200)]
    assert sleeps == [2.0]


def test_a_keyed_post_is_retried_on_503_with_its_key(sleeps: Sleeps) -> None:
    with FlakyProxy(upstream=NOT_FORWARDED, retry_after="1") as api:
        api.script.extend([503, 200])
        with httpx.Client(transport=RetryTransport(quick_policy(sleeps))) as client:
            answer = client.post(
                f"{api.url}/api/v1/anything", json={}, headers={IDEMPOTENCY_KEY: "mine-1"}
            )

    assert answer.status_code == 200
    assert [seen.headers["idempotency-key"] for seen in api.seen] == ["mine-1", "mine-1"]


def test_a_post_the_transport_cannot_key_is_never_retried_on_503(sleeps: Sleeps) -> None:
    # A blank key is no key: the server would run each try afresh.
    with FlakyProxy(upstream=NOT_FORWARDED, retry_after="1") as api:
        api.script.extend([503])
        with httpx.Client(transport=RetryTransport(quick_policy(sleeps))) as client:
            answer = client.post(
                f"{api.url}/api/v1/anything", json={}, headers={IDEMPOTENCY_KEY: ""}
            )

    assert answer.status_code == 503
    assert len(api.seen) == 1
    assert sleeps == []


def test_retries_stop_when_the_next_wait_would_pass_the_total_time(sleeps: Sleeps) -> None:
    policy = RetryPolicy(attempts=10, max_total=5.0, sleep=sleeps, jitter=lambda: 1.0)
    with FlakyProxy(upstream=NOT_FORWARDED, retry_after="2") as api:
        api.script.extend([503, 503, 503])
        with httpx.Client(transport=RetryTransport(policy)) as client:
            answer = client.get(f"{api.url}/api/v1/anything")

    assert answer.status_code == 503
    assert len(api.seen) == 3  # waits of 2 s and 2 s fit in 5 s; a third would not
    assert sleeps == [2.0, 2.0]
