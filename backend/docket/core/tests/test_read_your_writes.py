"""Read-your-writes routing through real requests: who reads from the replica, and when not."""

import time

import pytest
from django.db import connections
from django.test.utils import CaptureQueriesContext

from docket.testing.world import build_world

pytestmark = pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])

ISSUE = "/api/v1/workspaces/acme/issues/ENG-1"


def _aliases_used(client, method, url, body=None):
    with (
        CaptureQueriesContext(connections["default"]) as primary,
        CaptureQueriesContext(connections["replica"]) as replica,
    ):
        response = getattr(client, method)(url, body) if body else getattr(client, method)(url)
    assert response.status_code < 400, response.content
    return len(primary), len(replica)


def test_reads_go_to_the_replica_until_the_user_writes(as_user):
    world = build_world()
    member, admin = as_user(world.member), as_user(world.admin)

    primary, replica = _aliases_used(member, "get", ISSUE)
    assert primary == 0  # someone who has not written reads only from the replica
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
