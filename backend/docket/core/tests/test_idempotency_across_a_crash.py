"""A keyed POST whose process is killed after the view answered, before its answer was stored:
the retry with the same key runs once and creates once, and later retries replay it. Against
gunicorn as the image runs it, whose master replaces the killed worker."""

import contextlib
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from rest_framework_simplejwt.tokens import AccessToken

from docket.issues.models import Issue
from docket.testing.live import http_json, live_api

ISSUES = "/api/v1/workspaces/acme/projects/ENG/issues"


def wait_for_file(path: Path, seconds: float) -> str:
    deadline = time.monotonic() + seconds
    while not path.exists() or not path.read_text():
        assert time.monotonic() < deadline, "the request never reached the pause"
        time.sleep(0.05)
    return path.read_text()


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_a_worker_killed_before_the_answer_is_stored_leaves_one_create(world, tmp_path):
    pause = tmp_path / "paused"
    env = {"SECRET_KEY": settings.SECRET_KEY, "IDEMPOTENCY_TEST_PAUSE_FILE": str(pause)}
    auth: dict[str, Any] = {
        "Authorization": f"Bearer {AccessToken.for_user(world.member)}",
        "Idempotency-Key": "crash-1",
    }
    with live_api(env, gunicorn=True) as base:
        # Given a keyed POST whose view has answered, its answer not stored yet
        first = threading.Thread(
            target=lambda: _ignore_errors(
                http_json, base, "POST", ISSUES, body={"title": "Once"}, **auth
            )
        )
        first.start()
        worker = int(wait_for_file(pause, 30))

        # When its worker is killed there
        os.kill(worker, signal.SIGKILL)
        first.join(30)

        # Then the retry (once a new worker serves) creates it, and the next replays it
        retry = _retry_until_served(
            lambda: http_json(base, "POST", ISSUES, body={"title": "Once"}, **auth)
        )
        again = http_json(base, "POST", ISSUES, body={"title": "Once"}, **auth)
    assert retry[0] == 201, retry
    assert again == retry
    assert Issue.objects.filter(title="Once").count() == 1


def _ignore_errors(function, *args, **kwargs) -> None:
    with contextlib.suppress(OSError):  # the connection dies with the worker
        function(*args, **kwargs)


def _retry_until_served(request) -> tuple[int, Any]:
    deadline = time.monotonic() + 60
    while True:
        try:
            status, body = request()
        except OSError:
            status, body = 0, None
        if status not in (0, 502) or time.monotonic() > deadline:
            return status, body
        time.sleep(0.2)
