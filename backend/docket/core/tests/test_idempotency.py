"""Idempotency-Key on POST: one effect per key, the same answer on every retry."""

import datetime
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections, transaction
from django.test import override_settings
from django.urls import path
from django.utils import timezone
from rest_framework.response import Response

from docket.core.idempotency import KEY_LIFETIME, idempotency_keys_expire
from docket.core.models import IdempotencyRecord
from docket.core.tasks import expire_idempotency_keys
from docket.http.problems import problem_json
from docket.http.views import APIView
from docket.issues.models import Issue
from docket.projects.models import Project
from docket.testing.world import build_world

pytestmark = pytest.mark.django_db

ISSUES = "/api/v1/workspaces/acme/projects/ENG/issues"


def _a_session_waits_for_a_lock() -> bool:
    with connections["default"].cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


def _eng_issue_count() -> int:
    return Issue.objects.filter(project__key="ENG", project__workspace__slug="acme").count()


def test_a_retry_replays_the_first_answer_and_creates_one_issue(world, as_user):
    client = as_user(world.member)
    before = _eng_issue_count()

    first = client.post(ISSUES, {"title": "Once"}, HTTP_IDEMPOTENCY_KEY="create-once")
    retry = client.post(ISSUES, {"title": "Once"}, HTTP_IDEMPOTENCY_KEY="create-once")

    assert first.status_code == retry.status_code == 201
    assert retry.content == first.content  # byte for byte
    assert retry["Content-Type"] == first["Content-Type"]
    assert retry["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first
    assert _eng_issue_count() == before + 1


def test_the_same_key_with_another_body_is_422_and_runs_nothing(world, as_user):
    client = as_user(world.member)
    client.post(ISSUES, {"title": "First"}, HTTP_IDEMPOTENCY_KEY="k1")
    before = _eng_issue_count()

    other_body = client.post(ISSUES, {"title": "Second"}, HTTP_IDEMPOTENCY_KEY="k1")
    other_path = client.post(
        "/api/v1/workspaces/acme/projects/OPS/issues", {"title": "First"}, HTTP_IDEMPOTENCY_KEY="k1"
    )

    assert (other_body.status_code, other_path.status_code) == (422, 422)
    assert other_body["Content-Type"] == "application/problem+json"
    assert other_body.json()["code"] == "idempotency_key_reused"
    assert _eng_issue_count() == before


def test_keys_are_per_caller(world, as_user):
    before = _eng_issue_count()
    mine = as_user(world.member).post(ISSUES, {"title": "Mine"}, HTTP_IDEMPOTENCY_KEY="shared")
    theirs = as_user(world.admin).post(ISSUES, {"title": "Theirs"}, HTTP_IDEMPOTENCY_KEY="shared")

    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert "Idempotent-Replayed" not in theirs
    assert mine.json()["id"] != theirs.json()["id"]
    assert _eng_issue_count() == before + 2


def test_a_client_error_is_kept_and_replayed(world, as_user):
    client = as_user(world.member)
    first = client.post(ISSUES, {"title": ""}, HTTP_IDEMPOTENCY_KEY="bad")
    retry = client.post(ISSUES, {"title": ""}, HTTP_IDEMPOTENCY_KEY="bad")
    assert first.status_code == retry.status_code == 400
    assert retry.content == first.content
    assert retry["Idempotent-Replayed"] == "true"


@pytest.mark.parametrize(
    "key",
    ["", "x" * 256, "naïve", "tab\there", "new\nline"],
    ids=["empty", "long", "utf8", "tab", "nl"],
)
def test_a_malformed_key_is_400(world, as_user, key):
    before = _eng_issue_count()
    response = as_user(world.member).post(
        ISSUES, {"title": "Keyed"}, headers={"Idempotency-Key": key}
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_idempotency_key"
    assert _eng_issue_count() == before


def test_the_longest_key_is_accepted(world, as_user):
    response = as_user(world.member).post(
        ISSUES, {"title": "K"}, HTTP_IDEMPOTENCY_KEY="~ " * 127 + "x"
    )
    assert response.status_code == 201


def test_anonymous_posts_are_left_alone(db, api):
    # Sign-in answers hold tokens: they are never stored, whatever the header says.
    response = api.post(
        "/api/v1/auth/token",
        {"email": "nobody@example.com", "password": "wrong"},
        HTTP_IDEMPOTENCY_KEY="sign-in",
    )
    assert response.status_code == 401
    assert not IdempotencyRecord.objects.exists()


def test_gets_and_patches_ignore_the_header(world, as_user):
    client = as_user(world.member)
    assert client.get(ISSUES, HTTP_IDEMPOTENCY_KEY="g").status_code == 200
    assert (
        client.patch(
            "/api/v1/workspaces/acme/issues/ENG-1", {"title": "P"}, HTTP_IDEMPOTENCY_KEY="g"
        ).status_code
        == 200
    )
    assert not IdempotencyRecord.objects.exists()


# --- A server error is not kept ------------------------------------------------------------------

calls: list[int] = []


class FailsOnceView(APIView):
    """Answers 500 the first time it runs, 201 afterwards."""

    def post(self, request):
        calls.append(1)
        if len(calls) == 1:
            return problem_json(
                request, status_code=500, code="internal_error", title="Boom", detail="Boom."
            )
        return Response({"run": len(calls)}, status=201)


urlpatterns = [path("fails-once", FailsOnceView.as_view())]


@override_settings(ROOT_URLCONF=__name__)
def test_a_server_error_releases_the_key_and_the_retry_runs(world, as_user):
    calls.clear()
    client = as_user(world.member)
    first = client.post("/fails-once", {}, HTTP_IDEMPOTENCY_KEY="flaky")
    assert first.status_code == 500
    assert not IdempotencyRecord.objects.exists()

    retry = client.post("/fails-once", {}, HTTP_IDEMPOTENCY_KEY="flaky")
    again = client.post("/fails-once", {}, HTTP_IDEMPOTENCY_KEY="flaky")

    assert (retry.status_code, retry.json()) == (201, {"run": 2})
    assert (again.status_code, again.json(), again["Idempotent-Replayed"]) == (
        201,
        {"run": 2},
        "true",
    )
    assert len(calls) == 2


# --- Expiry --------------------------------------------------------------------------------------


def test_an_expired_key_runs_again_and_beat_deletes_expired_keys(world, as_user):
    client = as_user(world.member)
    client.post(ISSUES, {"title": "Day one"}, HTTP_IDEMPOTENCY_KEY="daily")
    before = _eng_issue_count()
    IdempotencyRecord.objects.update(
        created_at=timezone.now() - KEY_LIFETIME - datetime.timedelta(1)
    )

    # A retry after 24 hours is a new request
    again = client.post(ISSUES, {"title": "Day one"}, HTTP_IDEMPOTENCY_KEY="daily")
    assert again.status_code == 201
    assert "Idempotent-Replayed" not in again
    assert _eng_issue_count() == before + 1

    # The cleanup deletes only what expired
    client.post(ISSUES, {"title": "Old"}, HTTP_IDEMPOTENCY_KEY="old")
    old = IdempotencyRecord.objects.latest("id")
    IdempotencyRecord.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - KEY_LIFETIME - datetime.timedelta(seconds=1)
    )
    assert expire_idempotency_keys.apply().get() == 1
    assert IdempotencyRecord.objects.count() == 1
    assert not IdempotencyRecord.objects.filter(pk=old.pk).exists()
    assert idempotency_keys_expire() == 0


# --- Concurrency, on real connections ------------------------------------------------------------


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_a_duplicate_sent_while_the_first_runs_is_409_and_one_issue_is_made(as_user):
    # Given the first request will be held inside its transaction (we hold the project row it
    # must lock to number the issue)
    world = build_world()
    before = _eng_issue_count()
    holding, release = threading.Event(), threading.Event()

    def hold_project() -> None:
        try:
            with transaction.atomic():
                list(Project.objects.select_for_update().filter(pk=world.eng.pk))
                holding.set()
                release.wait(10)
        finally:
            connections.close_all()

    def post(_: int):
        try:
            return as_user(world.member).post(
                ISSUES, {"title": "Race"}, HTTP_IDEMPOTENCY_KEY="race"
            )
        finally:
            connections.close_all()

    holder = threading.Thread(target=hold_project)
    holder.start()
    assert holding.wait(5)
    with ThreadPoolExecutor(max_workers=2) as pool:
        first = pool.submit(post, 1)
        # (its claim is not visible before it commits: wait until it queues for the project)
        deadline = time.monotonic() + 5
        while not _a_session_waits_for_a_lock():
            assert time.monotonic() < deadline, "the first request never reached the project"
            time.sleep(0.01)
        # When a duplicate arrives while the first is still running
        second = pool.submit(post, 2).result(timeout=10)
        release.set()
        first_response = first.result(timeout=10)
    holder.join()

    # Then one 201 and one 409, and one issue
    assert first_response.status_code == 201
    assert second.status_code == 409
    assert second.json()["code"] == "idempotency_key_in_flight"
    assert _eng_issue_count() == before + 1
    # ...and once the first answered, a retry replays it
    replay = as_user(world.member).post(ISSUES, {"title": "Race"}, HTTP_IDEMPOTENCY_KEY="race")
    assert (replay.status_code, replay.content) == (201, first_response.content)
