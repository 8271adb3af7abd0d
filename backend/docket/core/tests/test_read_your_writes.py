"""Read-your-writes routing through real requests: who reads from the replica, and when not."""

import time

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from docket.testing.standby import data_reads
from docket.testing.world import build_world

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])

ISSUE = "/api/v1/workspaces/acme/issues/ENG-1"


def _queries_by_alias(client, method, url, body=None):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = getattr(client, method)(url, body) if body else getattr(client, method)(url)
    assert response.status_code < 400, response.content
    return primary.captured_queries, replica.captured_queries


def _aliases_used(client, method, url, body=None):
    primary, replica = _queries_by_alias(client, method, url, body)
    return len(data_reads(primary)), len(replica)


def test_reads_go_to_the_replica_until_the_user_writes(as_user):
    world = build_world()
    member, admin = as_user(world.member), as_user(world.admin)

    primary, replica = _aliases_used(member, "get", ISSUE)
    assert primary == 0  # someone who has not written reads their data only from the replica
    assert replica > 0

    primary, replica = _aliases_used(member, "patch", ISSUE, {"title": "Renamed"})
    assert primary > 0
    assert replica == 0  # a writing request reads only from the primary

    # Right after writing, the writer reads from the primary: the replica may still lag.
    primary, replica = _aliases_used(member, "get", ISSUE)
    assert primary > 0
    assert replica == 0
    # Everyone else keeps reading from the replica.
    primary, replica = _aliases_used(admin, "get", ISSUE)
    assert primary == 0
    assert replica > 0


def test_stickiness_expires(as_user, settings):
    settings.REPLICA_STICKY_SECONDS = 1
    world = build_world()
    member = as_user(world.member)
    _aliases_used(member, "patch", ISSUE, {"title": "Renamed"})
    primary, replica = _aliases_used(member, "get", ISSUE)
    assert replica == 0  # still sticky right after the write

    time.sleep(1.2)  # Redis lets the marker expire after REPLICA_STICKY_SECONDS
    primary, replica = _aliases_used(member, "get", ISSUE)
    assert primary == 0
    assert replica > 0


@pytest.mark.parametrize(
    "url", [ISSUE, "/api/v1/workspaces/acme", "/api/v1/workspaces", "/api/v1/me"]
)
def test_authorization_reads_never_go_to_the_replica(as_user, url):
    """Who the caller is, whether they are still active and a member, and with which role are
    read on the primary: a member removed a moment ago must not be let in by a lagging standby
    (issue 17). The data itself still comes from the replica."""
    world = build_world()
    primary, replica = _queries_by_alias(as_user(world.member), "get", url)

    assert len(data_reads(replica)) == len(replica)  # nothing but data on the replica
    primary_sql = [query["sql"] for query in primary]
    assert any('FROM "accounts_user"' in sql for sql in primary_sql)
    if "/workspaces" in url:
        assert any('"workspaces_membership"' in sql for sql in primary_sql)
