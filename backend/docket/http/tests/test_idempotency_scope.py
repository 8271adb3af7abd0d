"""Idempotency-Key (issue 19): every authenticated POST honours a key, a stored answer keeps no
secret readable from the database, and a replay is served only in the key's scope (credential,
workspace membership, role) after every check a fresh request passes, counted by the limiter."""

import json
from pathlib import Path

import pytest
import yaml
from django.db import connection
from rest_framework.test import APIClient

from docket.core.models import IdempotencyRecord
from docket.integrations.models import WebhookEndpoint
from docket.issues.models import Issue
from docket.testing.factories import MembershipFactory
from docket.workspaces.models import Invitation, Membership, PersonalAccessToken, Role

pytestmark = pytest.mark.django_db

ISSUES = "/api/v1/workspaces/acme/projects/ENG/issues"
WEBHOOKS = "/api/v1/workspaces/acme/webhooks"
SCHEMA = Path(__file__).resolve().parents[4] / "openapi" / "v1.yaml"
HOOK = {"url": "https://hooks.example.com/docket", "event_types": ["issue.created"]}


def _pat(session: APIClient, *, workspace: str = "acme", scope: str = "write") -> APIClient:
    created = session.post(
        "/api/v1/me/tokens", {"name": "bot", "workspace": workspace, "scope": scope}
    )
    assert created.status_code == 201, created.content
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {created.json()['secret']}")
    return client


def _twice(client: APIClient, url: str, body: dict | None, key: str):
    return [client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY=key) for _ in range(2)]


def _stored_rows_text() -> str:
    """Everything the idempotency table holds, as a database reader would dump it."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT row_to_json(r)::text, encode(r.response_sealed, 'escape')"  # noqa: S608
            f" FROM {IdempotencyRecord._meta.db_table} r"
        )
        return "\n".join(" ".join(str(col) for col in row) for row in cursor.fetchall())


def _assert_replayed_once(answers, secret_field: str, key: str) -> str:
    first, retry = answers
    assert first.status_code == retry.status_code
    assert first.status_code in (200, 201)
    assert retry["Idempotent-Replayed"] == "true"
    assert retry.content == first.content
    assert retry["Cache-Control"] == "no-store"
    secret = first.json()[secret_field]
    dump = _stored_rows_text()
    assert dump  # the answer was stored...
    assert secret not in dump  # ...sealed: the secret cannot be read from the database
    assert key not in dump  # nor the key that opens it
    return secret


# --- Every unsafe POST honours the key; secrets are sealed ----------------------------------


def test_a_retried_webhook_create_makes_one_endpoint_and_stores_no_readable_secret(world, as_user):
    admin = as_user(world.admin)
    _assert_replayed_once(_twice(admin, WEBHOOKS, HOOK, "hook-once"), "secret", "hook-once")
    assert WebhookEndpoint.objects.filter(workspace=world.workspace).count() == 1


def test_a_retried_secret_rotation_rotates_once(world, as_user):
    admin = as_user(world.admin)
    endpoint_id = admin.post(WEBHOOKS, HOOK, format="json").json()["id"]
    rotate = f"{WEBHOOKS}/{endpoint_id}/rotate-secret"

    secret = _assert_replayed_once(_twice(admin, rotate, None, "rotate-1"), "secret", "rotate-1")

    # The endpoint signs with the secret the client was given (rotated once, not twice)
    third = admin.post(rotate, format="json", HTTP_IDEMPOTENCY_KEY="rotate-2").json()["secret"]
    assert third != secret


def test_a_retried_token_create_makes_one_token(world, as_user):
    session = as_user(world.member)
    body = {"name": "bot", "workspace": "acme", "scope": "read"}
    secret = _assert_replayed_once(
        _twice(session, "/api/v1/me/tokens", body, "tok"), "secret", "tok"
    )
    assert PersonalAccessToken.objects.filter(user=world.member).count() == 1
    bot = APIClient()
    bot.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert bot.get("/api/v1/workspaces/acme").status_code == 200


def test_a_retried_invitation_keeps_no_readable_token(world, as_user):
    admin = as_user(world.admin)
    body = {"email": "new@example.com", "role": "member"}
    url = "/api/v1/workspaces/acme/invitations"
    _assert_replayed_once(_twice(admin, url, body, "invite"), "token", "invite")
    assert Invitation.objects.filter(email="new@example.com").count() == 1


def test_a_retried_realtime_ticket_is_the_same_ticket(world, as_user):
    member = as_user(world.member)
    _assert_replayed_once(
        _twice(member, "/api/v1/realtime/ticket", None, "ticket"), "ticket", "ticket"
    )


def test_every_authenticated_post_documents_the_key():
    schema = yaml.safe_load(SCHEMA.read_text())
    missing = [
        operation["operationId"]
        for operations in schema["paths"].values()
        for method, operation in operations.items()
        if method == "post"
        and operation.get("security")
        and not any(p.get("name") == "Idempotency-Key" for p in operation.get("parameters", []))
    ]
    assert missing == []


# --- Scope: credential, workspace, membership, role -----------------------------------------


def _create_issue(client: APIClient, key: str):
    return client.post(ISSUES, {"title": "Scoped"}, format="json", HTTP_IDEMPOTENCY_KEY=key)


def test_a_token_of_another_workspace_never_replays_the_users_answer(world, as_user):
    # Given the member also belongs to `other`, and holds a token for it
    MembershipFactory(workspace=world.other_workspace, user=world.member, role=Role.MEMBER)
    session = as_user(world.member)
    other_token = _pat(session, workspace="other")
    assert _create_issue(session, "k").status_code == 201

    # When that token sends the same keyed request to acme, it is refused as a fresh one is
    answer = _create_issue(other_token, "k")

    assert answer.status_code == 404
    assert "Idempotent-Replayed" not in answer


def test_a_read_only_token_never_replays_the_users_answer(world, as_user):
    session = as_user(world.member)
    reader = _pat(session, scope="read")
    assert _create_issue(session, "k").status_code == 201

    answer = _create_issue(reader, "k")

    assert answer.status_code == 403
    assert answer.json()["code"] == "insufficient_scope"


def test_another_credential_of_the_same_user_runs_its_own_request(world, as_user):
    session = as_user(world.member)
    writer = _pat(session)
    first = _create_issue(session, "k")

    second = _create_issue(writer, "k")

    assert second.status_code == 201
    assert "Idempotent-Replayed" not in second
    assert second.json()["key"] != first.json()["key"]


def test_a_removed_member_never_replays_their_answer(world, as_user):
    session = as_user(world.member)
    assert _create_issue(session, "k").status_code == 201
    Membership.objects.filter(workspace=world.workspace, user=world.member).delete()

    answer = _create_issue(session, "k")

    assert answer.status_code == 404
    assert "Idempotent-Replayed" not in answer


def test_a_demoted_admin_never_replays_a_webhook_secret(world, as_user):
    admin = as_user(world.admin)
    assert admin.post(WEBHOOKS, HOOK, format="json", HTTP_IDEMPOTENCY_KEY="h").status_code == 201
    Membership.objects.filter(workspace=world.workspace, user=world.admin).update(role=Role.MEMBER)

    answer = admin.post(WEBHOOKS, HOOK, format="json", HTTP_IDEMPOTENCY_KEY="h")

    assert answer.status_code == 403
    assert "secret" not in json.loads(answer.content)


def test_replays_are_counted_by_the_rate_limiter(world, as_user, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "user-write": "2/minute"}
    session = as_user(world.member)
    before = Issue.objects.count()

    answers = [_create_issue(session, "k") for _ in range(3)]

    assert [a.status_code for a in answers] == [201, 201, 429]
    assert answers[1]["Idempotent-Replayed"] == "true"
    assert "RateLimit" in answers[1]
    assert Issue.objects.count() == before + 1
