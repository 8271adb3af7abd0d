"""A deleted project or workspace is gone for sockets too: no new subscription reaches it, and
sockets subscribed to it are dropped when the deletion is relayed."""

from __future__ import annotations

import pytest
from channels.db import database_sync_to_async

from docket.projects.services import project_delete
from docket.realtime.tests.sockets import Socket, relay, run, signed_in
from docket.workspaces.services import workspace_delete

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)


def _later(func, /, **kwargs):
    return database_sync_to_async(lambda: func(**kwargs))()


@transactional
def test_nobody_subscribes_to_a_deleted_project_or_workspace(quiet_world):
    world = quiet_world
    project_delete(access=world.access("admin"), project=world.eng)
    owner = world.access("owner")

    async def scenario():
        socket = Socket()
        await socket.sign_in(world.member)
        assert (await socket.subscribe("acme", "ENG"))["code"] == "project_not_found"
        assert (await socket.subscribe("acme", "OPS"))["type"] == "subscribed"
        await _later(workspace_delete, access=owner, workspace=world.workspace)
        assert (await socket.subscribe("acme"))["code"] == "workspace_not_found"
        await socket.close()

    run(scenario())


@transactional
def test_a_socket_on_a_deleted_project_is_dropped(quiet_world):
    world = quiet_world
    admin = world.access("admin")

    async def scenario():
        member = await signed_in(world.member, ("acme", "ENG"), ("acme", "OPS"))
        await _later(project_delete, access=admin, project=world.eng)
        await relay()
        dropped = await member.receive()
        assert (dropped["type"], dropped["reason"]) == ("unsubscribed", "not_found")
        assert dropped["topic"].endswith("ENG")
        assert await member.silent()  # OPS stays subscribed, ENG was the only one dropped
        await member.close()

    run(scenario())
