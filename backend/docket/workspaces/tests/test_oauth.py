"""OAuth 2.1 apps from a third party's point of view: an admin registers the app, a member
consents (authorization code + PKCE), the app exchanges the code at the token endpoint, calls
the API within the granted scopes, refreshes (rotation: the old refresh token is dead), and
loses everything when the member is removed or an admin revokes the installation."""

import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from oauth2_provider.models import AccessToken, RefreshToken
from rest_framework.test import APIClient

from docket.testing.world import access_of
from docket.workspaces.models import OAuthApp, Role
from docket.workspaces.services import member_remove

pytestmark = pytest.mark.django_db

REDIRECT = "http://127.0.0.1:9/callback"
APPS = "/api/v1/workspaces/acme/oauth-apps"


def _register(as_user, world, *, confidential=True):
    response = as_user(world.admin).post(
        APPS,
        {"name": "Timesheets", "redirect_uris": [REDIRECT], "confidential": confidential},
        format="json",
    )
    assert response.status_code == 201, response.content
    return response.json()


def _pkce():
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode()).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _authorize_query(app, challenge, scope="issues:read comments:write", **extra):
    return urlencode(
        {
            "response_type": "code",
            "client_id": app["client_id"],
            "redirect_uri": REDIRECT,
            "scope": scope,
            "state": "xyz",
            "code_challenge": challenge,
            "code_challenge_method": "S256",
            **extra,
        }
    )


def _install(as_user, world, app, *, scope="issues:read comments:write"):
    """The member consents; the app exchanges the code. Returns the token answer."""
    verifier, challenge = _pkce()
    query = _authorize_query(app, challenge, scope=scope)
    session = as_user(world.member)
    consent = session.get(f"/api/v1/oauth/authorize?{query}")
    assert consent.status_code == 200, consent.content
    answer = session.post(f"/api/v1/oauth/authorize?{query}", {"allow": True}, format="json")
    assert answer.status_code == 200, answer.content
    redirect = urlparse(answer.json()["redirect_to"])
    params = parse_qs(redirect.query)
    assert params["state"] == ["xyz"]
    return _token(
        {
            "grant_type": "authorization_code",
            "code": params["code"][0],
            "redirect_uri": REDIRECT,
            "code_verifier": verifier,
        },
        app,
    )


def _token(form, app):
    """The third party's server calling the token endpoint (form-encoded, client secret)."""
    return APIClient().post(
        "/api/v1/oauth/token",
        urlencode({**form, "client_id": app["client_id"], "client_secret": app["client_secret"]}),
        content_type="application/x-www-form-urlencoded",
    )


def _bearer(token):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def test_code_with_pkce_gives_a_token_that_calls_the_api_within_its_scopes(world, as_user):
    app = _register(as_user, world)
    _verifier, challenge = _pkce()
    query = _authorize_query(app, challenge)

    consent = as_user(world.member).get(f"/api/v1/oauth/authorize?{query}").json()
    assert consent["app_name"] == "Timesheets"
    assert consent["workspace"] == "acme"
    assert [s["scope"] for s in consent["scopes"]] == ["comments:write", "issues:read"]

    answer = _install(as_user, world, app)
    assert answer.status_code == 200, answer.content
    tokens = answer.json()
    assert tokens["access_token"].startswith("dkt_oat_")
    assert tokens["refresh_token"].startswith("dkt_ort_")

    bot = _bearer(tokens["access_token"])
    assert bot.get("/api/v1/workspaces/acme/issues/ENG-1").status_code == 200
    commented = bot.post(
        "/api/v1/workspaces/acme/issues/ENG-1/comments", {"body": "Logged 2h"}, format="json"
    )
    assert commented.status_code == 201, commented.content
    refused = bot.post(
        "/api/v1/workspaces/acme/webhooks",
        {"url": "https://exfiltrate.example.com/", "event_types": ["issue.created"]},
        format="json",
    )
    assert (refused.status_code, refused.json()["code"]) == (403, "insufficient_scope")
    assert bot.post("/api/v1/me/tokens", {}).json()["code"] == "session_required"


def test_a_code_without_the_verifier_is_refused(world, as_user):
    app = _register(as_user, world)
    _verifier, challenge = _pkce()
    query = _authorize_query(app, challenge)
    answer = as_user(world.member).post(
        f"/api/v1/oauth/authorize?{query}", {"allow": True}, format="json"
    )
    code = parse_qs(urlparse(answer.json()["redirect_to"]).query)["code"][0]

    response = _token(
        {"grant_type": "authorization_code", "code": code, "redirect_uri": REDIRECT}, app
    )

    assert response.status_code == 400
    assert not AccessToken.objects.exists()


@pytest.mark.parametrize(
    "extra",
    [
        {"code_challenge_method": "plain"},
        {"response_type": "token"},  # implicit
        {"scope": "issues:read repo"},
    ],
)
def test_authorization_requests_outside_code_with_s256_are_400(world, as_user, extra):
    app = _register(as_user, world)
    _verifier, challenge = _pkce()
    query = _authorize_query(app, challenge, **extra)

    response = as_user(world.member).get(f"/api/v1/oauth/authorize?{query}")

    assert response.status_code == 400, response.content
    assert response.json()["code"] == "validation_error"


def test_the_password_grant_is_refused(world, as_user):
    app = _register(as_user, world)

    response = _token(
        {"grant_type": "password", "username": world.member.email, "password": "x"}, app
    )

    assert response.status_code in (400, 401)
    assert not AccessToken.objects.exists()


def test_refresh_rotates_and_the_old_refresh_token_is_dead(world, as_user):
    app = _register(as_user, world)
    first = _install(as_user, world, app).json()

    refreshed = _token(
        {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}, app
    )
    assert refreshed.status_code == 200, refreshed.content
    second = refreshed.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert _bearer(second["access_token"]).get("/api/v1/workspaces/acme/issues").status_code == 200

    reused = _token({"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}, app)
    assert reused.status_code == 400


def test_revocation_endpoint_ends_the_access_token(world, as_user):
    app = _register(as_user, world)
    tokens = _install(as_user, world, app).json()

    revoked = APIClient().post(
        "/api/v1/oauth/revoke",
        urlencode(
            {
                "token": tokens["access_token"],
                "client_id": app["client_id"],
                "client_secret": app["client_secret"],
            }
        ),
        content_type="application/x-www-form-urlencoded",
    )

    assert revoked.status_code == 200
    response = _bearer(tokens["access_token"]).get("/api/v1/workspaces/acme/issues")
    assert (response.status_code, response.json()["code"]) == (401, "token_not_valid")


def test_admins_list_and_revoke_installations(world, as_user):
    app = _register(as_user, world)
    tokens = _install(as_user, world, app).json()
    admin = as_user(world.admin)

    listed = admin.get("/api/v1/workspaces/acme/oauth-installations").json()["results"]
    assert [(i["app_name"], i["member"]["id"]) for i in listed] == [
        ("Timesheets", str(world.member.pk))
    ]
    assert (
        as_user(world.member).get("/api/v1/workspaces/acme/oauth-installations").status_code == 403
    )

    assert (
        admin.delete(f"/api/v1/workspaces/acme/oauth-installations/{listed[0]['id']}").status_code
        == 204
    )
    assert _bearer(tokens["access_token"]).get("/api/v1/workspaces/acme/issues").status_code == 401
    refresh = _token({"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}, app)
    assert refresh.status_code == 400


def test_a_removed_members_oauth_tokens_are_revoked_not_suspended(world, as_user):
    app = _register(as_user, world)
    tokens = _install(as_user, world, app).json()
    member = world.memberships[Role.MEMBER]

    member_remove(access=access_of(world.memberships[Role.OWNER]), target=member)

    assert not AccessToken.objects.filter(user=world.member).exists()
    assert not RefreshToken.objects.filter(user=world.member, revoked__isnull=True).exists()
    # Re-joining brings nothing back.
    from docket.testing.factories import MembershipFactory

    MembershipFactory(workspace=world.workspace, user=world.member, role=Role.MEMBER)
    assert _bearer(tokens["access_token"]).get("/api/v1/workspaces/acme/issues").status_code == 401
    refresh = _token({"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}, app)
    assert refresh.status_code == 400


def test_only_admins_register_apps(world, as_user):
    response = as_user(world.member).post(
        APPS, {"name": "X", "redirect_uris": [REDIRECT]}, format="json"
    )
    assert response.status_code == 403
    assert not OAuthApp.objects.exists()
