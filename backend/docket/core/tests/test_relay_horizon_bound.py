"""The relay's commit horizon is held back by any open transaction with an id: an app session
left idle inside one (a process stopped in a debugger, a worker wedged mid-request) holds every
event back only until PostgreSQL ends it, after DB_IDLE_IN_TRANSACTION_TIMEOUT_MS
(config/settings/database.py; docs/observability.md)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection

from docket.core.relay import events_waiting_on_horizon
from docket.projects.services import label_create
from docket.testing.worker import BACKEND, replica_url, wait_for

# A process of the app, with its settings, that opens a transaction (with a transaction id, as a
# write has), says so, and then goes idle inside it.
IDLE_IN_A_TRANSACTION = """
import time
import django
django.setup()
from django.db import connection, transaction
with transaction.atomic():
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id()")
    print("open", flush=True)
    time.sleep(60)
"""


def test_the_app_sessions_carry_the_idle_in_transaction_timeout(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW idle_in_transaction_session_timeout")
        assert cursor.fetchone()[0] == "1min"


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_an_idle_transaction_of_the_app_holds_the_relay_back_only_until_its_timeout(world):
    access = world.access("member")
    label_create(access=access, project=world.eng, name="before", color="#000000")
    wait_for(lambda: not events_waiting_on_horizon(), seconds=30, what="a quiet horizon")
    db = connection.settings_dict
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        "REPLICA_DATABASE_URL": replica_url(),
        "DB_IDLE_IN_TRANSACTION_TIMEOUT_MS": "1000",
    }
    idle = subprocess.Popen(
        [sys.executable, "-c", IDLE_IN_A_TRANSACTION],
        cwd=BACKEND, env=environment, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        # Given an app session idle inside a transaction
        assert idle.stdout is not None
        assert idle.stdout.readline() == b"open\n"

        # When an event commits after it, the relay cannot have it yet
        label_create(access=access, project=world.eng, name="after", color="#000000")
        assert events_waiting_on_horizon()

        # Then PostgreSQL ends the idle session and the event comes below the horizon
        wait_for(lambda: not events_waiting_on_horizon(), seconds=10, what="the horizon")
    finally:
        idle.kill()
        idle.wait(10)
