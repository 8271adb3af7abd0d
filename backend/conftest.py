"""Shared fixtures: real PostgreSQL (pytest-django), real Redis, real JWTs, real workers."""

import subprocess
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from docket.core import db_routers
from docket.testing.worker import purge_queues, start_worker, stop_worker
from docket.testing.world import World, build_world


@pytest.fixture(autouse=True, scope="session")
def _every_problem_code_is_published() -> Iterator[None]:
    """Every problem any test provokes carries a code of the schema's `ErrorCode` enum
    (docket.http.error_codes): the suite's whole range of refusals checks the list."""
    from docket.http import limits, problems
    from docket.http.error_codes import error_codes

    answered: set[str] = set()
    build = problems.problem_body

    def recording(**kwargs):
        answered.add(kwargs["code"])
        return build(**kwargs)

    problems.problem_body = limits.problem_body = recording  # type: ignore[assignment]
    yield
    problems.problem_body = limits.problem_body = build  # type: ignore[assignment]
    unpublished = answered - set(error_codes())
    assert not unpublished, f"problem codes missing from ErrorCode: {sorted(unpublished)}"


@pytest.fixture(autouse=True)
def _clean_redis():
    # Throttle counters live in Redis; each test starts with none.
    cache.clear()


@pytest.fixture(autouse=True)
def _unpinned_reads():
    # A write at a test's top level pins the thread's later reads to the primary (db_routers):
    # the next test starts where a fresh request or task would.
    db_routers.reset_pin()


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def client_for(user) -> APIClient:
    """An HTTP client that sends a real, signed access token for `user`."""
    client = APIClient()
    if user is not None:
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(user)}")
    return client


@pytest.fixture
def as_user():
    return client_for


@pytest.fixture
def world(db) -> World:
    return build_world()


@pytest.fixture
def worker() -> Iterator[subprocess.Popen]:
    """A real Celery worker process (relay and default queues) for the test's duration."""
    purge_queues()  # nothing left over from an earlier test
    started = start_worker()
    try:
        yield started
    finally:
        stop_worker(started)
