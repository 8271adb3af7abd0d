"""The staff admin: off unless enabled; its sign-in throttled like the API's."""

import pytest
from django.test import Client, override_settings

from docket.accounts.models import User

pytestmark = pytest.mark.django_db


def test_the_admin_is_off_by_default():
    response = Client().get("/admin/login/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@override_settings(ROOT_URLCONF="docket.core.tests.urls_with_admin", ADMIN_ENABLED=True)
def test_admin_sign_in_is_throttled_per_account_and_per_address(settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth_account": "3/minute"}
    User.objects.create_superuser("staff@example.com", "a-good-staff-password", display_name="S")
    client = Client()
    assert client.get("/admin/login/").status_code == 200

    def attempt(password: str) -> int:
        form = {"username": "staff@example.com", "password": password}
        return client.post("/admin/login/", form).status_code

    # Wrong passwords re-show the form (200) until the account's limit, then 429 with
    # Retry-After, even for the right password.
    assert [attempt("wrong") for _ in range(3)] == [200, 200, 200]
    assert attempt("a-good-staff-password") == 429
    response = client.post("/admin/login/", {"username": "staff@example.com", "password": "x"})
    assert int(response["Retry-After"]) >= 1
