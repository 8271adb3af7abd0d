"""Deactivating an account (staff, through the service, the admin action or the command): its
sessions end, and nothing it held works any more (issue 17). The sockets: see
docket.realtime.tests.test_session_end."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.test import APIClient

from docket.accounts.models import RefreshSession
from docket.accounts.services import user_deactivate
from docket.core.errors import PermissionDenied
from docket.testing.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = "/api/v1/auth/token"


def _bearer(credential):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {credential}")
    return client


def test_a_deactivated_account_can_use_nothing_it_held(world, api):
    # Given the member signed in (access and refresh token) and holding a personal access token
    signed_in = api.post(TOKEN, {"email": world.member.email, "password": TEST_PASSWORD}).json()
    session = _bearer(signed_in["access"])
    pat = session.post("/api/v1/me/tokens", {"name": "bot", "workspace": "acme", "scope": "read"})
    bot = _bearer(pat.json()["secret"])
    assert bot.get("/api/v1/workspaces/acme").status_code == 200

    # When staff deactivate the account
    assert user_deactivate(actor=UserFactory(is_staff=True), target=world.member) is True

    # Then every credential it held is refused, and it cannot sign in again
    assert session.get("/api/v1/me").status_code == 401
    assert bot.get("/api/v1/workspaces/acme").status_code == 401
    refreshed = api.post("/api/v1/auth/token/refresh", {"refresh": signed_in["refresh"]})
    assert refreshed.status_code == 401
    again = api.post(TOKEN, {"email": world.member.email, "password": TEST_PASSWORD})
    assert again.status_code == 401
    assert RefreshSession.objects.filter(user=world.member, revoked_at__isnull=True).count() == 0
    assert set(
        RefreshSession.objects.filter(user=world.member).values_list("revoked_reason", flat=True)
    ) == {"deactivated"}


@pytest.mark.parametrize("role", ["owner", "admin", "member"])
def test_only_staff_deactivate(world, role):
    with pytest.raises(PermissionDenied):
        user_deactivate(actor=world.user(role), target=world.member)
    world.member.refresh_from_db()
    assert world.member.is_active


def test_deactivating_twice_is_harmless(world):
    staff = UserFactory(is_staff=True)
    assert user_deactivate(actor=staff, target=world.member) is True
    assert user_deactivate(actor=staff, target=world.member) is False


def test_the_command_deactivates_by_address(world, capsys):
    call_command("deactivate_user", "MEMBER@example.com")
    world.member.refresh_from_db()
    assert not world.member.is_active
    assert "deactivated" in capsys.readouterr().out
    with pytest.raises(CommandError):
        call_command("deactivate_user", "nobody@example.com")


@pytest.mark.django_db
def test_the_admin_action_deactivates_through_the_service(world, settings):
    from django.test import Client, override_settings

    from docket.accounts.models import User

    staff = User.objects.create_superuser("staff@example.com", "a-good-staff-pw", display_name="S")
    api_client = APIClient()
    signed_in = api_client.post(TOKEN, {"email": world.member.email, "password": TEST_PASSWORD})
    assert signed_in.status_code == 200
    with override_settings(ROOT_URLCONF="docket.core.tests.urls_with_admin", ADMIN_ENABLED=True):
        client = Client()
        client.force_login(staff)
        answer = client.post(
            "/admin/accounts/user/",
            {"action": "deactivate", "_selected_action": [str(world.member.pk)]},
        )
    assert answer.status_code == 302
    world.member.refresh_from_db()
    assert not world.member.is_active
    assert RefreshSession.objects.filter(user=world.member, revoked_at__isnull=True).count() == 0
