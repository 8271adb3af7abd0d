"""Auth endpoints through HTTP: register, token, refresh rotation and reuse, logout, me."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.db.models import F

from docket.accounts.models import RefreshSession, User
from docket.testing.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/api/v1/auth/register"
TOKEN = "/api/v1/auth/token"
REFRESH = "/api/v1/auth/token/refresh"
LOGOUT = "/api/v1/auth/logout"
ME = "/api/v1/me"


def _sign_in(api, user, **extra):
    response = api.post(TOKEN, {"email": user.email, "password": TEST_PASSWORD, **extra})
    assert response.status_code == 200, response.content
    return response


def test_register_creates_account_and_signs_in(api):
    response = api.post(
        REGISTER,
        {
            "email": "New@Example.com",
            "password": "a-long-unusual-passphrase",
            "display_name": "Neo",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["user"]["email"] == "new@example.com"
    assert body["access"]
    assert body["refresh"]
    me = api.get(ME, HTTP_AUTHORIZATION=f"Bearer {body['access']}")
    assert me.status_code == 200
    assert me.json()["display_name"] == "Neo"


def test_register_refuses_taken_email_case_insensitively(api):
    UserFactory(email="taken@example.com")
    response = api.post(
        REGISTER,
        {
            "email": "TAKEN@example.com",
            "password": "a-long-unusual-passphrase",
            "display_name": "X",
        },
    )
    assert response.status_code == 400
    assert response.json()["errors"][0] == {
        "field": "email",
        "code": "email_taken",
        "message": "An account with this email already exists.",
    }
    assert User.objects.filter(email="taken@example.com").count() == 1


def test_register_refuses_weak_password_and_bad_timezone(api):
    weak = api.post(REGISTER, {"email": "a@example.com", "password": "123", "display_name": "A"})
    assert weak.status_code == 400
    assert {e["field"] for e in weak.json()["errors"]} == {"password"}
    zone = api.post(
        REGISTER,
        {
            "email": "a@example.com",
            "password": "a-long-unusual-passphrase",
            "display_name": "A",
            "timezone": "Mars/Olympus",
        },
    )
    assert zone.status_code == 400
    assert zone.json()["errors"][0]["code"] == "invalid_timezone"
    assert not User.objects.filter(email="a@example.com").exists()


def test_token_with_wrong_password_is_401_without_revealing_account(api):
    user = UserFactory()
    wrong = api.post(TOKEN, {"email": user.email, "password": "nope-nope-nope"})
    missing = api.post(TOKEN, {"email": "ghost@example.com", "password": "nope-nope-nope"})
    assert wrong.status_code == missing.status_code == 401
    assert wrong.json()["code"] == missing.json()["code"] == "invalid_credentials"
    assert wrong.json()["detail"] == missing.json()["detail"]


def test_access_token_authenticates_and_garbage_does_not(api):
    user = UserFactory()
    access = _sign_in(api, user).json()["access"]
    assert api.get(ME, HTTP_AUTHORIZATION=f"Bearer {access}").json()["id"] == str(user.id)
    bad = api.get(ME, HTTP_AUTHORIZATION="Bearer not-a-jwt")
    assert bad.status_code == 401
    assert bad["Content-Type"] == "application/problem+json"
    assert api.get(ME).status_code == 401


def test_refresh_rotates_and_reuse_revokes_the_whole_session(api):
    user = UserFactory()
    first = _sign_in(api, user).json()["refresh"]

    rotated = api.post(REFRESH, {"refresh": first})
    assert rotated.status_code == 200
    second = rotated.json()["refresh"]
    assert second != first

    # Past the grace window (see test_refresh_grace.py), a rotated token is a stolen copy.
    RefreshSession.objects.filter(user=user).update(
        rotated_at=F("rotated_at") - settings.REFRESH_REUSE_GRACE - timedelta(seconds=1)
    )
    reuse = api.post(REFRESH, {"refresh": first})
    assert reuse.status_code == 401
    assert reuse.json()["code"] == "token_reused"
    # The thief replayed an old token: the legitimate newest token dies with the session.
    after = api.post(REFRESH, {"refresh": second})
    assert after.status_code == 401
    assert after.json()["code"] == "token_revoked"
    assert RefreshSession.objects.get(user=user).revoked_reason == "reuse_detected"


def test_logout_revokes_refresh_token(api):
    user = UserFactory()
    refresh = _sign_in(api, user).json()["refresh"]
    assert api.post(LOGOUT, {"refresh": refresh}).status_code == 204
    response = api.post(REFRESH, {"refresh": refresh})
    assert response.status_code == 401
    assert response.json()["code"] == "token_revoked"


def test_browser_transport_uses_httponly_cookie_scoped_to_auth_path(api):
    user = UserFactory()
    response = _sign_in(api, user, refresh_transport="cookie")
    assert response.json()["refresh"] is None
    cookie = response.cookies[settings.REFRESH_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert cookie["path"] == "/api/v1/auth/"

    # The client sends the cookie back; the rotated token comes back as a cookie too.
    refreshed = api.post(REFRESH, {})
    assert refreshed.status_code == 200, refreshed.content
    assert refreshed.json()["refresh"] is None
    new_cookie = refreshed.cookies[settings.REFRESH_COOKIE_NAME].value
    assert new_cookie
    assert new_cookie != cookie.value

    logout = api.post(LOGOUT, {})
    assert logout.status_code == 204
    assert logout.cookies[settings.REFRESH_COOKIE_NAME].value == ""
    assert RefreshSession.objects.get(user=user).revoked_reason == "logout"


def test_refresh_without_any_token_is_401(api):
    response = api.post(REFRESH, {})
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


def test_me_update_changes_only_profile_fields(as_user):
    user = UserFactory(display_name="Old", email="old@example.com")
    client = as_user(user)
    ok = client.patch(ME, {"display_name": "New", "timezone": "Europe/Lisbon"})
    assert ok.status_code == 200
    assert ok.json()["timezone"] == "Europe/Lisbon"
    refused = client.patch(ME, {"email": "other@example.com"})
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["code"] == "unknown_field"
    user.refresh_from_db()
    assert (user.display_name, user.email) == ("New", "old@example.com")


def test_token_endpoint_throttles_per_account_with_retry_after(api, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth_account": "3/minute"}
    user = UserFactory()
    statuses = [
        api.post(TOKEN, {"email": user.email, "password": "wrong-password"}).status_code
        for _ in range(3)
    ]
    assert statuses == [401, 401, 401]
    limited = api.post(TOKEN, {"email": user.email, "password": TEST_PASSWORD})
    assert limited.status_code == 429
    assert limited.json()["code"] == "throttled"
    assert 1 <= int(limited["Retry-After"]) <= 60
    # Another account from the same address is not affected by this account's limit.
    other = UserFactory()
    assert api.post(TOKEN, {"email": other.email, "password": TEST_PASSWORD}).status_code == 200


def test_register_throttles_per_ip(api, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth_ip": "2/minute"}
    for n in range(2):
        api.post(
            REGISTER,
            {
                "email": f"x{n}@example.com",
                "password": "a-long-unusual-passphrase",
                "display_name": "X",
            },
        )
    limited = api.post(
        REGISTER,
        {"email": "x9@example.com", "password": "a-long-unusual-passphrase", "display_name": "X"},
    )
    assert limited.status_code == 429
    assert "Retry-After" in limited
    assert not User.objects.filter(email="x9@example.com").exists()


def test_guesses_from_elsewhere_never_lock_the_owner_out(api, settings):
    # Given an account whose per-account budget an attacker exhausted from their own address
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth_account": "3/minute"}
    user = UserFactory()
    attacker = {"REMOTE_ADDR": "203.0.113.9"}
    for _ in range(3):
        wrong = {"email": user.email, "password": "wrong-password"}
        assert api.post(TOKEN, wrong, **attacker).status_code == 401
    assert api.post(TOKEN, {"email": user.email, "password": "x"}, **attacker).status_code == 429

    # When the owner signs in from their own address with the right password
    owner = api.post(
        TOKEN, {"email": user.email, "password": TEST_PASSWORD}, REMOTE_ADDR="198.51.100.4"
    )

    # Then they are let in
    assert owner.status_code == 200


def test_one_ipv6_host_counts_as_one_address(api, settings):
    # Given a per-address budget of two sign-in attempts
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth_ip": "2/minute"}
    user = UserFactory()
    attempt = {"email": user.email, "password": "wrong-password"}

    # When one host tries from three addresses of its /64
    statuses = [
        api.post(TOKEN, attempt, REMOTE_ADDR=f"2001:db8:aa:bb::{n}").status_code for n in (1, 2, 3)
    ]

    # Then the third is refused, while another /64 still has its own budget
    assert statuses == [401, 401, 429]
    assert api.post(TOKEN, attempt, REMOTE_ADDR="2001:db8:aa:cc::1").status_code == 401
