"""Personal access tokens through HTTP: created with a session, shown once, stored hashed, and
acting as their owner in one workspace only, within their scope, until revoked or expired."""

import hashlib
import importlib
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.db.models import F
from django.utils import timezone
from rest_framework.test import APIClient

from docket.core.scopes import ALL_SCOPES, READ_SCOPES
from docket.integrations.models import WebhookEndpoint
from docket.issues.models import Comment, Issue
from docket.testing.factories import MembershipFactory
from docket.workspaces.models import Membership, PersonalAccessToken, Role

pytestmark = pytest.mark.django_db

TOKENS = "/api/v1/me/tokens"


def _create(session, *, workspace="acme", scope="write", **extra):
    response = session.post(
        TOKENS, {"name": "CI bot", "workspace": workspace, "scope": scope, **extra}
    )
    assert response.status_code == 201, response.content
    return response.json()


def _bearer(secret):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {secret}")
    return client


def _token_of(world, as_user, *, role="member", scope="write"):
    return _bearer(_create(as_user(world.user(role)), scope=scope)["secret"])


# --- Creating, listing, revoking ----------------------------------------------------------


def test_create_shows_the_secret_once_and_stores_only_its_hash(world, as_user):
    session = as_user(world.member)

    created = _create(session, scope="read")

    secret = created["secret"]
    assert secret.startswith("dkt_pat_")
    assert len(secret) >= len("dkt_pat_") + 40
    assert created["workspace"] == "acme"
    assert created["scope"] == "read"
    assert created["prefix"] == secret[:12]
    row = PersonalAccessToken.objects.get(pk=created["id"])
    assert row.secret_hash == hashlib.sha256(secret.encode()).hexdigest()
    assert secret not in {row.name, row.prefix, row.secret_hash}
    listed = session.get(TOKENS).json()["results"]
    assert [item["id"] for item in listed] == [created["id"]]
    assert "secret" not in listed[0]


def test_create_answers_no_store(world, as_user):
    response = as_user(world.member).post(
        TOKENS, {"name": "bot", "workspace": "acme", "scope": "read"}
    )
    assert response["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"workspace": "other"}, "workspace", "workspace_not_found"),
        ({"workspace": "missing"}, "workspace", "workspace_not_found"),
        ({"scope": "admin"}, "scope", "invalid_choice"),
        ({"scope": None, "scopes": ["issues:read", "repo"]}, "scopes.1", "invalid_choice"),
        ({"scope": None, "scopes": []}, "scopes", "min_length"),
        ({"scopes": ["issues:read"]}, "scopes", "scopes_required"),
        ({"scope": None}, "scopes", "scopes_required"),
        ({"expires_at": "2000-01-01T00:00:00Z"}, "expires_at", "expiry_in_past"),
        ("too_far", "expires_at", "expiry_too_far"),
    ],
)
def test_create_refuses_bad_input_and_creates_nothing(world, as_user, body, field, code):
    if body == "too_far":
        body = {"expires_at": (timezone.now() + timedelta(days=400)).isoformat()}
    body = {"name": "bot", "workspace": "acme", "scope": "read", **body}
    response = as_user(world.member).post(
        TOKENS, {key: value for key, value in body.items() if value is not None}, format="json"
    )
    assert response.status_code == 400, response.content
    assert [(e["field"], e["code"]) for e in response.json()["errors"]] == [(field, code)]
    assert not PersonalAccessToken.objects.exists()


def test_create_with_fine_grained_scopes(world, as_user):
    session = as_user(world.member)

    response = session.post(
        TOKENS,
        {"name": "CI", "workspace": "acme", "scopes": ["issues:write", "issues:read"]},
        format="json",
    )

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["scopes"] == ["issues:read", "issues:write"]
    # The previous release reads only `scope`: a narrower token is never `write` there.
    assert created["scope"] == "read"
    bot = _bearer(created["secret"])
    assert bot.get("/api/v1/workspaces/acme/issues/ENG-1").status_code == 200
    assert (
        bot.patch(
            "/api/v1/workspaces/acme/issues/ENG-1", {"title": "By CI"}, format="json"
        ).status_code
        == 200
    )
    assert bot.get("/api/v1/workspaces/acme/members").json()["code"] == "insufficient_scope"


def test_legacy_scope_maps_to_the_equivalent_scopes(world, as_user):
    session = as_user(world.member)

    read = _create(session, scope="read")
    write = _create(session, scope="write")

    assert read["scopes"] == sorted(READ_SCOPES)
    assert read["scope"] == "read"
    assert write["scopes"] == sorted(ALL_SCOPES)
    assert write["scope"] == "write"


def test_a_ci_bots_write_token_cannot_register_a_webhook(world, as_user):
    # Given the owner's token for a CI bot: it writes issues and comments
    created = (
        as_user(world.owner)
        .post(
            TOKENS,
            {
                "name": "CI",
                "workspace": "acme",
                "scopes": ["issues:read", "issues:write", "comments:write", "events:read"],
            },
            format="json",
        )
        .json()
    )
    bot = _bearer(created["secret"])

    # When it tries to register a webhook that would receive every event
    response = bot.post(
        "/api/v1/workspaces/acme/webhooks",
        {"url": "https://exfiltrate.example.com/", "event_types": ["issue.created"]},
        format="json",
    )

    # Then it is refused and nothing is registered
    assert response.status_code == 403, response.content
    assert response.json()["code"] == "insufficient_scope"
    assert not WebhookEndpoint.objects.exists()


def test_a_row_the_previous_release_wrote_acts_on_its_two_scope_value(world, as_user):
    # The previous release inserts without `scopes` (the empty database default) while both run.
    created = _create(as_user(world.member), scope="write")
    PersonalAccessToken.objects.filter(pk=created["id"]).update(scopes=[], scope="read")
    bot = _bearer(created["secret"])

    assert bot.get("/api/v1/workspaces/acme/issues/ENG-1").status_code == 200
    assert bot.delete("/api/v1/workspaces/acme/issues/ENG-1").status_code == 403
    assert as_user(world.member).get(TOKENS).json()["results"][0]["scopes"] == sorted(READ_SCOPES)


def test_the_backfill_gives_existing_tokens_their_equivalent_scopes(world, as_user):
    backfill = importlib.import_module(
        "docket.workspaces.migrations.0008_personal_token_scopes_backfill"
    ).backfill
    read = _create(as_user(world.member), scope="read")
    write = _create(as_user(world.member), scope="write")
    PersonalAccessToken.objects.update(scopes=[])

    backfill(None, SimpleNamespace(connection=connection))
    backfill(None, SimpleNamespace(connection=connection))  # re-runnable

    stored = dict(PersonalAccessToken.objects.values_list("id", "scopes"))
    assert sorted(stored[uuid.UUID(read["id"])]) == sorted(READ_SCOPES)
    assert sorted(stored[uuid.UUID(write["id"])]) == sorted(ALL_SCOPES)


def test_list_shows_only_the_callers_live_tokens(world, as_user):
    mine = _create(as_user(world.member))
    revoked = _create(as_user(world.member))
    _create(as_user(world.admin))
    assert as_user(world.member).delete(f"{TOKENS}/{revoked['id']}").status_code == 204

    listed = as_user(world.member).get(TOKENS).json()["results"]

    assert [item["id"] for item in listed] == [mine["id"]]


def test_revoked_token_stops_working_at_once(world, as_user):
    created = _create(as_user(world.member))
    bot = _bearer(created["secret"])
    assert bot.get("/api/v1/workspaces/acme").status_code == 200

    assert as_user(world.member).delete(f"{TOKENS}/{created['id']}").status_code == 204

    response = bot.get("/api/v1/workspaces/acme")
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_nobody_else_can_revoke_a_token(world, as_user):
    created = _create(as_user(world.member))

    response = as_user(world.admin).delete(f"{TOKENS}/{created['id']}")

    assert response.status_code == 404
    assert _bearer(created["secret"]).get("/api/v1/workspaces/acme").status_code == 200


# --- What a token may reach ---------------------------------------------------------------

OWN_WORKSPACE_READS = [
    "/api/v1/workspaces/acme",
    "/api/v1/workspaces/acme/members",
    "/api/v1/workspaces/acme/projects",
    "/api/v1/workspaces/acme/issues",
    "/api/v1/workspaces/acme/projects/ENG/issues",
    "/api/v1/workspaces/acme/issues/ENG-1",
    "/api/v1/workspaces/acme/events",
]


@pytest.mark.parametrize("path", OWN_WORKSPACE_READS)
def test_token_reads_its_own_workspace(world, as_user, path):
    bot = _token_of(world, as_user, scope="read")
    response = bot.get(path)
    assert response.status_code == 200, response.content


OTHER_WORKSPACE_PATHS = [
    "/api/v1/workspaces/other",
    "/api/v1/workspaces/other/members",
    "/api/v1/workspaces/other/projects",
    "/api/v1/workspaces/other/issues",
    "/api/v1/workspaces/other/projects/ENG/issues",
    "/api/v1/workspaces/other/issues/ENG-1",
    "/api/v1/workspaces/other/events",
]


@pytest.mark.parametrize("path", OTHER_WORKSPACE_PATHS)
def test_token_gets_404_in_another_workspace_its_owner_belongs_to(world, as_user, path):
    # The owner is a member of `other` too: with a session they see it, with acme's token not.
    MembershipFactory(workspace=world.other_workspace, user=world.member, role=Role.MEMBER)
    assert as_user(world.member).get(path).status_code == 200
    bot = _token_of(world, as_user)

    response = bot.get(path)

    assert response.status_code == 404
    outsider = as_user(world.admin).get(path)  # a non-member's answer
    assert response.json()["code"] == outsider.json()["code"]
    assert response.json()["detail"] == outsider.json()["detail"]


def test_token_cannot_write_in_another_workspace(world, as_user):
    MembershipFactory(workspace=world.other_workspace, user=world.member, role=Role.MEMBER)
    bot = _token_of(world, as_user)

    response = bot.post("/api/v1/workspaces/other/projects/ENG/issues", {"title": "Sneaky"})

    assert response.status_code == 404
    assert not Issue.objects.filter(title="Sneaky").exists()


def test_guest_token_sees_no_more_than_the_guest(world, as_user):
    bot = _token_of(world, as_user, role="guest", scope="read")
    assert bot.get("/api/v1/workspaces/acme/issues/ENG-1").status_code == 200
    assert bot.get("/api/v1/workspaces/acme/issues/OPS-1").status_code == 404
    assert bot.get("/api/v1/workspaces/acme/projects/OPS/issues").status_code == 404


def test_write_token_acts_as_its_owner(world, as_user):
    bot = _token_of(world, as_user)

    response = bot.post("/api/v1/workspaces/acme/projects/ENG/issues", {"title": "From CI"})

    assert response.status_code == 201, response.content
    assert Issue.objects.get(title="From CI").reporter_id == world.member.pk


def test_write_token_has_its_owners_role_not_more(world, as_user):
    bot = _token_of(world, as_user)  # a member, not an admin

    response = bot.patch("/api/v1/workspaces/acme", {"name": "Taken over"})

    assert response.status_code == 403
    assert response.json()["code"] == "insufficient_role"


UNSAFE_REQUESTS = [
    ("post", "/api/v1/workspaces/acme/projects/ENG/issues", {"title": "Nope"}),
    ("patch", "/api/v1/workspaces/acme/issues/ENG-1", {"title": "Nope"}),
    ("post", "/api/v1/workspaces/acme/issues/ENG-1/comments", {"body": "Nope"}),
    ("delete", "/api/v1/workspaces/acme/issues/ENG-1", None),
    ("post", "/api/v1/workspaces/acme/projects", {"key": "NOPE", "name": "Nope"}),
]


@pytest.mark.parametrize(("method", "path", "body"), UNSAFE_REQUESTS)
def test_legacy_read_token_gets_403_on_unsafe_methods(world, as_user, method, path, body):
    bot = _token_of(world, as_user, role="owner", scope="read")
    issues, comments = Issue.objects.count(), Comment.objects.count()
    title = Issue.objects.get(pk=world.eng_issue.pk).title

    response = getattr(bot, method)(path, body) if body else getattr(bot, method)(path)

    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "insufficient_scope"
    assert (Issue.objects.count(), Comment.objects.count()) == (issues, comments)
    assert Issue.objects.get(pk=world.eng_issue.pk).title == title


SESSION_ONLY = [
    ("get", TOKENS, None),
    ("post", TOKENS, {"name": "child", "workspace": "acme", "scope": "write"}),
    ("post", "/api/v1/me/password", {"current_password": "x", "new_password": "y"}),
    ("patch", "/api/v1/me", {"display_name": "Bot"}),
    ("post", "/api/v1/workspaces", {"slug": "botland", "name": "Botland"}),
    ("post", "/api/v1/invitations/accept", {"token": "whatever"}),
    ("get", "/api/v1/me/notification-settings", None),
]


@pytest.mark.parametrize(("method", "path", "body"), SESSION_ONLY)
def test_token_gets_403_where_a_session_is_required(world, as_user, method, path, body):
    bot = _token_of(world, as_user)
    tokens_before = PersonalAccessToken.objects.count()

    response = getattr(bot, method)(path, body) if body else getattr(bot, method)(path)

    assert response.status_code == 403, response.content
    assert response.json()["code"] == "session_required"
    assert PersonalAccessToken.objects.count() == tokens_before
    assert world.member.__class__.objects.get(pk=world.member.pk).display_name == "Member"


def test_token_may_ask_whose_it_is(world, as_user):
    response = _token_of(world, as_user).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json()["email"] == world.member.email


def test_workspace_list_shows_only_the_tokens_workspace(world, as_user):
    MembershipFactory(workspace=world.other_workspace, user=world.member, role=Role.MEMBER)
    assert len(as_user(world.member).get("/api/v1/workspaces").json()["results"]) == 2

    listed = _token_of(world, as_user).get("/api/v1/workspaces").json()["results"]

    assert [item["slug"] for item in listed] == ["acme"]


# --- When a token stops working -------------------------------------------------------------


def _expect_401(bot):
    response = bot.get("/api/v1/workspaces/acme")
    assert response.status_code == 401, response.content
    assert response.json()["code"] == "token_not_valid"
    assert response["Content-Type"] == "application/problem+json"


def test_expired_token_is_401(world, as_user):
    created = _create(
        as_user(world.member), expires_at=(timezone.now() + timedelta(days=1)).isoformat()
    )
    bot = _bearer(created["secret"])
    assert bot.get("/api/v1/workspaces/acme").status_code == 200
    PersonalAccessToken.objects.filter(pk=created["id"]).update(
        expires_at=timezone.now() - timedelta(seconds=1)
    )
    _expect_401(bot)


def test_token_of_a_deactivated_user_is_401(world, as_user):
    bot = _token_of(world, as_user)
    world.member.is_active = False
    world.member.save(update_fields=["is_active"])
    _expect_401(bot)


def test_token_of_someone_who_left_the_workspace_is_401_everywhere(world, as_user):
    bot = _token_of(world, as_user)
    Membership.objects.filter(workspace=world.workspace, user=world.member).delete()
    _expect_401(bot)
    assert bot.get("/api/v1/me").status_code == 401


def test_token_of_a_removed_member_stays_dead_when_they_are_invited_back(world, as_user):
    """Removal revokes (not merely suspends): a leaked bot key of a former member must not come
    back with their next invitation."""
    created = _create(as_user(world.member))
    bot = _bearer(created["secret"])
    admin = as_user(world.admin)
    assert admin.delete(f"/api/v1/workspaces/acme/members/{world.member.id}").status_code == 204
    assert PersonalAccessToken.objects.get(pk=created["id"]).revoked_at is not None

    invited = admin.post(
        "/api/v1/workspaces/acme/invitations", {"email": world.member.email, "role": "member"}
    )
    token = invited.json()["token"]
    rejoined = as_user(world.member).post("/api/v1/invitations/accept", {"token": token})
    assert rejoined.status_code == 200, rejoined.content

    _expect_401(bot)
    assert as_user(world.member).get(TOKENS).json()["results"] == []


def test_removing_a_member_leaves_their_tokens_elsewhere_and_others_tokens_alone(world, as_user):
    own = _create(as_user(world.member))
    colleague = _create(as_user(world.admin))
    elsewhere = PersonalAccessToken.objects.create(
        user=world.member,
        workspace=MembershipFactory(user=world.member).workspace,
        name="other",
        scope="read",
        prefix="dkt_pat_x",
        secret_hash="0" * 64,
    )
    as_user(world.admin).delete(f"/api/v1/workspaces/acme/members/{world.member.id}")

    assert PersonalAccessToken.objects.get(pk=own["id"]).revoked_at is not None
    assert PersonalAccessToken.objects.get(pk=colleague["id"]).revoked_at is None
    assert PersonalAccessToken.objects.get(pk=elsewhere.pk).revoked_at is None


def test_unknown_token_is_401(api):
    _expect_401(_bearer("dkt_pat_" + "x" * 43))


def test_a_jwt_still_authenticates_beside_tokens(world, as_user):
    assert as_user(world.member).get("/api/v1/workspaces/acme").status_code == 200


# --- last_used_at: at most one write a minute -------------------------------------------------


def test_last_used_is_written_at_most_once_a_minute(world, as_user, django_assert_num_queries):
    created = _create(as_user(world.member))
    bot = _bearer(created["secret"])
    path = "/api/v1/workspaces/acme"

    # token (with owner and membership check) + last_used UPDATE + membership of the view
    with django_assert_num_queries(3):
        assert bot.get(path).status_code == 200
    first_use = PersonalAccessToken.objects.get(pk=created["id"]).last_used_at
    assert first_use is not None

    # within the minute: no write
    with django_assert_num_queries(2):
        assert bot.get(path).status_code == 200
    assert PersonalAccessToken.objects.get(pk=created["id"]).last_used_at == first_use

    # a minute later: one write again
    PersonalAccessToken.objects.filter(pk=created["id"]).update(
        last_used_at=F("last_used_at") - timedelta(seconds=61)
    )
    with django_assert_num_queries(3):
        assert bot.get(path).status_code == 200
    used_again = PersonalAccessToken.objects.get(pk=created["id"]).last_used_at
    assert used_again is not None
    assert used_again > first_use


def test_a_token_request_costs_the_same_queries_as_a_session_request(
    world, as_user, django_assert_num_queries
):
    bot = _token_of(world, as_user)
    bot.get("/api/v1/workspaces/acme")  # last_used written; the next use within the minute

    with django_assert_num_queries(2):
        as_user(world.member).get("/api/v1/workspaces/acme")
    with django_assert_num_queries(2):
        bot.get("/api/v1/workspaces/acme")


# --- Quota ----------------------------------------------------------------------------------


def test_tokens_per_person_are_limited_by_a_setting(world, as_user, settings):
    settings.MAX_TOKENS_PER_USER = 2
    session = as_user(world.member)
    first = _create(session)
    _create(session, scope="read")

    refused = session.post(TOKENS, {"name": "third", "workspace": "acme", "scope": "read"})

    assert refused.status_code == 409
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["code"] == "token_quota_exceeded"
    assert PersonalAccessToken.objects.filter(user=world.member).count() == 2
    # A revoked token frees its place; someone else has their own quota.
    assert session.delete(f"{TOKENS}/{first['id']}").status_code == 204
    _create(session)
    _create(as_user(world.admin))
