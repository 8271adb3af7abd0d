"""Failed sign-ins back off per account, from whatever addresses they come (issue 17), and the
owner is never locked out by them: a client holding a live refresh session of the account signs
in with the right password during the backoff."""

import time

import pytest
from django.conf import settings as django_settings

from docket.accounts.models import RefreshSession
from docket.testing.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token"
LOGOUT = "/api/v1/auth/logout"


@pytest.fixture
def backoff(settings):
    settings.SIGN_IN_BACKOFF_FREE_FAILURES = 3
    settings.SIGN_IN_BACKOFF_BASE_SECONDS = 1
    settings.SIGN_IN_BACKOFF_MAX_SECONDS = 60
    # Each guess from its own address: the per-address throttles never see more than one.
    return settings


def _guess(api, user, n):
    wrong = {"email": user.email, "password": f"wrong-{n}"}
    return api.post(TOKEN, wrong, REMOTE_ADDR=f"203.0.113.{n}")


def _close_the_account(api, user, *, failures=4):
    statuses = [_guess(api, user, n).status_code for n in range(1, failures + 1)]
    assert statuses == [401] * failures


def test_guesses_spread_over_addresses_close_the_account_for_a_while(api, backoff):
    user = UserFactory()
    _close_the_account(api, user)

    refused = api.post(
        TOKEN, {"email": user.email, "password": TEST_PASSWORD}, REMOTE_ADDR="198.51.100.7"
    )

    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["code"] == "sign_in_backoff"
    assert refused["Retry-After"] == "1"
    assert RefreshSession.objects.filter(user=user).count() == 0
    # Another account is not slowed down.
    other = UserFactory()
    assert api.post(TOKEN, {"email": other.email, "password": TEST_PASSWORD}).status_code == 200


def test_each_failure_past_the_free_ones_doubles_the_wait(api, backoff):
    user = UserFactory()
    _close_the_account(api, user)
    time.sleep(1.05)  # the first wait (1 s) is over

    assert _guess(api, user, 9).status_code == 401
    refused = _guess(api, user, 10)

    assert refused.status_code == 429
    assert refused["Retry-After"] == "2"


def test_a_success_forgets_the_failures(api, backoff):
    user = UserFactory()
    for n in (1, 2, 3):
        assert _guess(api, user, n).status_code == 401
    assert api.post(TOKEN, {"email": user.email, "password": TEST_PASSWORD}).status_code == 200
    assert _guess(api, user, 4).status_code == 401  # the count starts again: not closed


def _signed_in_earlier(api, user, **extra):
    answer = api.post(TOKEN, {"email": user.email, "password": TEST_PASSWORD, **extra})
    assert answer.status_code == 200, answer.content
    return answer


def test_a_known_client_signs_in_with_the_right_password_during_the_backoff(api, backoff):
    # Given the owner's phone signed in before, and guesses from elsewhere closed the account
    user = UserFactory()
    refresh = _signed_in_earlier(api, user).json()["refresh"]
    _close_the_account(api, user)

    # When the phone signs in again with the right password and its session
    owner = api.post(TOKEN, {"email": user.email, "password": TEST_PASSWORD, "refresh": refresh})

    # Then it is let in, while a client without a session is still refused
    assert owner.status_code == 200, owner.content
    stranger = api.post(TOKEN, {"email": user.email, "password": TEST_PASSWORD})
    assert stranger.status_code == 429


def test_a_browser_is_known_by_its_refresh_cookie(api, backoff):
    user = UserFactory()
    _signed_in_earlier(api, user, refresh_transport="cookie")
    assert api.cookies[django_settings.REFRESH_COOKIE_NAME].value
    _close_the_account(api, user)

    owner = api.post(TOKEN, {"email": user.email, "password": TEST_PASSWORD})

    assert owner.status_code == 200, owner.content


def test_a_known_client_still_needs_the_right_password(api, backoff):
    user = UserFactory()
    refresh = _signed_in_earlier(api, user).json()["refresh"]
    _close_the_account(api, user)

    wrong = api.post(TOKEN, {"email": user.email, "password": "wrong", "refresh": refresh})

    assert wrong.status_code == 401
    assert wrong.json()["code"] == "invalid_credentials"


@pytest.mark.parametrize("which", ["signed_out", "another_account", "garbage"])
def test_only_a_live_session_of_that_account_makes_a_client_known(api, backoff, which):
    user = UserFactory()
    refresh = _signed_in_earlier(api, user).json()["refresh"]
    if which == "signed_out":
        assert api.post(LOGOUT, {"refresh": refresh}).status_code == 204
    elif which == "another_account":
        refresh = _signed_in_earlier(api, UserFactory()).json()["refresh"]
    else:
        refresh = "not.a.token"
    _close_the_account(api, user)

    answer = api.post(TOKEN, {"email": user.email, "password": TEST_PASSWORD, "refresh": refresh})

    assert answer.status_code == 429
