import pytest

from docket.realtime.tests.sockets import relay, run


@pytest.fixture
def quiet_world(transactional_db, world):
    """The test world with its setup events already relayed: sockets see only the test's."""
    run(relay())
    return world
