"""The refresh grace window: the token rotated away last, presented again within
settings.REFRESH_REUSE_GRACE, gets the same successor; later, or an older token, revokes."""

import threading
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import F
from rest_framework.test import APIClient

from docket.accounts.models import RefreshSession
from docket.testing.factories import TEST_PASSWORD, UserFactory

TOKEN = "/api/v1/auth/token"
REFRESH = "/api/v1/auth/token/refresh"
ME = "/api/v1/me"


def _sign_in(api, user):
    response = api.post(TOKEN, {"email": user.email, "password": TEST_PASSWORD})
    assert response.status_code == 200, response.content
    return response.json()["refresh"]


def _age_rotation(user, by):
    RefreshSession.objects.filter(user=user).update(rotated_at=F("rotated_at") - by)


@pytest.mark.django_db
def test_rotated_token_again_within_grace_gets_the_same_successor(api):
    user = UserFactory()
    first = _sign_in(api, user)
    successor = api.post(REFRESH, {"refresh": first}).json()

    again = api.post(REFRESH, {"refresh": first})

    assert again.status_code == 200, again.content
    assert again.json()["refresh"] == successor["refresh"]
    assert again.json()["refresh_expires_at"] == successor["refresh_expires_at"]
    me = api.get(ME, HTTP_AUTHORIZATION=f"Bearer {again.json()['access']}")
    assert me.status_code == 200
    session = RefreshSession.objects.get(user=user)
    assert session.revoked_at is None
    # The successor is still the one live token, and rotates on as usual.
    assert api.post(REFRESH, {"refresh": successor["refresh"]}).status_code == 200


@pytest.mark.django_db
def test_rotated_token_after_grace_revokes_the_family(api):
    user = UserFactory()
    first = _sign_in(api, user)
    successor = api.post(REFRESH, {"refresh": first}).json()["refresh"]
    _age_rotation(user, settings.REFRESH_REUSE_GRACE + timedelta(seconds=1))

    reuse = api.post(REFRESH, {"refresh": first})

    assert reuse.status_code == 401
    assert reuse.json()["code"] == "token_reused"
    assert api.post(REFRESH, {"refresh": successor}).json()["code"] == "token_revoked"
    assert RefreshSession.objects.get(user=user).revoked_reason == "reuse_detected"


@pytest.mark.django_db
def test_a_zero_grace_window_revokes_on_any_reuse(api, settings):
    settings.REFRESH_REUSE_GRACE = timedelta(0)
    user = UserFactory()
    first = _sign_in(api, user)
    api.post(REFRESH, {"refresh": first})

    reuse = api.post(REFRESH, {"refresh": first})

    assert reuse.status_code == 401
    assert reuse.json()["code"] == "token_reused"


@pytest.mark.django_db
def test_only_the_token_rotated_last_has_grace(api):
    user = UserFactory()
    first = _sign_in(api, user)
    second = api.post(REFRESH, {"refresh": first}).json()["refresh"]
    third = api.post(REFRESH, {"refresh": second}).json()["refresh"]

    reuse = api.post(REFRESH, {"refresh": first})

    assert reuse.status_code == 401
    assert reuse.json()["code"] == "token_reused"
    assert api.post(REFRESH, {"refresh": third}).json()["code"] == "token_revoked"


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_two_concurrent_refreshes_get_the_same_successor():
    user = UserFactory()
    first = _sign_in(APIClient(), user)
    start = threading.Barrier(2)
    answers: list = [None, None]

    def refresh(slot):
        try:
            start.wait(timeout=10)
            answers[slot] = APIClient().post(REFRESH, {"refresh": first})
        finally:
            connection.close()

    threads = [threading.Thread(target=refresh, args=(slot,)) for slot in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert [answer.status_code for answer in answers] == [200, 200], [
        answer.content for answer in answers
    ]
    assert answers[0].json()["refresh"] == answers[1].json()["refresh"]
    session = RefreshSession.objects.get(user=user)
    assert session.revoked_at is None
    assert session.previous_jti != ""
