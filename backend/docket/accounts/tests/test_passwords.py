"""Passwords: Django's validators and ours on sign-up and change; a change ends every session."""

import pytest

from docket.accounts.models import RefreshSession
from docket.testing.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REGISTER = "/api/v1/auth/register"


@pytest.mark.parametrize(
    ("password", "code"),
    [
        (" " * 12, "password_blank"),
        ("alice.smith", "password_is_email"),
        ("Alice.Smith ", "password_is_email"),
        ("alice.smith@example.com", "password_is_email"),
        ("password123", "password_too_common"),
        ("83749182734", "password_entirely_numeric"),
        ("short", "password_too_short"),
    ],
)
def test_sign_up_refuses_weak_passwords_with_the_validators_codes(api, password, code):
    response = api.post(
        REGISTER,
        {
            "email": "alice.smith@example.com",
            "password": password,
            "display_name": "Alice Smith",
            "timezone": "UTC",
        },
    )
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert {"field": "password", "code": code} in [
        {"field": e["field"], "code": e["code"]} for e in errors
    ]


def test_a_password_change_checks_the_old_one_validates_the_new_and_ends_every_session(
    api, as_user
):
    user = UserFactory(email="bob@example.com")
    for _ in range(2):
        assert api.post("/api/v1/auth/token", {"email": user.email, "password": TEST_PASSWORD})
    assert RefreshSession.objects.filter(user=user, revoked_at__isnull=True).count() == 2
    client = as_user(user)
    url = "/api/v1/me/password"

    wrong = client.post(url, {"current_password": "nope", "new_password": "a-much-better-one"})
    assert (wrong.status_code, wrong.json()["errors"][0]["code"]) == (400, "wrong_password")
    weak = client.post(url, {"current_password": TEST_PASSWORD, "new_password": "bob"})
    assert weak.status_code == 400
    assert {e["field"] for e in weak.json()["errors"]} == {"new_password"}

    done = client.post(
        url, {"current_password": TEST_PASSWORD, "new_password": "a-much-better-one"}
    )
    assert done.status_code == 204
    user.refresh_from_db()
    assert user.check_password("a-much-better-one")
    assert not RefreshSession.objects.filter(user=user, revoked_at__isnull=True).exists()


def test_password_change_is_throttled_per_user(as_user, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "password_change": "2/minute"}
    client = as_user(UserFactory())
    body = {"current_password": "wrong", "new_password": "a-much-better-one"}
    statuses = [client.post("/api/v1/me/password", body).status_code for _ in range(3)]
    assert statuses == [400, 400, 429]
