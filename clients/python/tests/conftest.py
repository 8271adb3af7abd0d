"""Fixtures for the SDK's integration tests: a live server seeded by `manage.py sdk_seed`.

`make sdk-test` (scripts/sdk-test.sh) starts the server and sets DOCKET_SDK_BASE_URL and
DOCKET_SDK_TENANT (the seed's JSON: workspace, project, a write and a read token). The tests
reach the server only through the SDK.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from docket_client.api.issues import issues_create
from docket_client.models import IssueCreateInput, IssueOutput
from docket_sdk import Docket, RetryPolicy, parsed_as
from tests.servers import FlakyProxy


@dataclass(frozen=True)
class Tenant:
    base_url: str
    workspace: str
    project: str
    write_token: str
    read_token: str


@pytest.fixture(scope="session")
def tenant() -> Tenant:
    base_url = os.environ.get("DOCKET_SDK_BASE_URL")
    seeded = os.environ.get("DOCKET_SDK_TENANT")
    if not base_url or not seeded:
        pytest.fail("run these tests with `make sdk-test`: they need a live, seeded server")
    data = json.loads(seeded)
    return Tenant(
        base_url=base_url,
        workspace=data["workspace"],
        project=data["project"],
        write_token=data["write_token"],
        read_token=data["read_token"],
    )


@pytest.fixture
def docket(tenant: Tenant) -> Iterator[Docket]:
    with Docket(tenant.base_url, token=tenant.write_token) as client:
        yield client


@pytest.fixture
def reader(tenant: Tenant) -> Iterator[Docket]:
    with Docket(tenant.base_url, token=tenant.read_token) as client:
        yield client


@pytest.fixture
def proxy(tenant: Tenant) -> Iterator[FlakyProxy]:
    """A stand-in for a flaky network between the SDK and the live server."""
    with FlakyProxy(upstream=tenant.base_url) as server:
        yield server


class Sleeps(list[float]):
    """Records the waits of a RetryPolicy instead of sleeping them."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def quick_policy(sleeps: Sleeps, *, attempts: int = 4) -> RetryPolicy:
    """The default backoff shape, with the jitter at its maximum and no real waiting."""
    return RetryPolicy(attempts=attempts, sleep=sleeps, jitter=lambda: 1.0)


def unique(title: str) -> str:
    return f"{title} {uuid.uuid4().hex[:8]}"


def create_issue(docket: Docket, tenant: Tenant, title: str) -> IssueOutput:
    response = docket.call(
        issues_create.sync_detailed,
        tenant.workspace,
        tenant.project,
        body=IssueCreateInput(title=title),
    )
    return parsed_as(response, IssueOutput)
