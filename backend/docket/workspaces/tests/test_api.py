"""Workspaces, members and invitations through HTTP."""

from datetime import timedelta

import pytest
from django.utils import timezone

from docket.core.models import Event
from docket.testing.factories import UserFactory
from docket.workspaces.models import Invitation, Membership, Role, Workspace

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"


def test_create_makes_creator_owner_and_lists_only_mine(as_user):
    user = UserFactory()
    client = as_user(user)
    created = client.post("/api/v1/workspaces", {"slug": "rocket", "name": "Rocket"})
    assert created.status_code == 201, created.content
    assert created.json()["role"] == "owner"
    assert Membership.objects.get(user=user).role == Role.OWNER
    assert Event.objects.filter(name="workspace.created").count() == 1
    listed = client.get("/api/v1/workspaces").json()["results"]
    assert [w["slug"] for w in listed] == ["rocket"]


@pytest.mark.parametrize("slug", ["-dash", "has space", "api", "x" * 41, "a_b"])
def test_invalid_or_reserved_slugs_are_refused(as_user, slug):
    response = as_user(UserFactory()).post("/api/v1/workspaces", {"slug": slug, "name": "N"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "slug"
    assert not Workspace.objects.exists()


def test_duplicate_slug_is_refused(world, as_user):
    response = as_user(world.member).post("/api/v1/workspaces", {"slug": "acme", "name": "Copy"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["code"] == "slug_taken"


def test_last_owner_can_be_neither_demoted_nor_removed(world, as_user):
    owner = as_user(world.owner)
    demote = owner.patch(f"{ACME}/members/{world.owner.id}", {"role": "admin"})
    assert demote.status_code == 409
    assert demote.json()["code"] == "last_owner"
    remove = owner.delete(f"{ACME}/members/{world.owner.id}")
    assert remove.status_code == 409
    assert Membership.objects.get(user=world.owner).role == Role.OWNER

    # With a second owner, the first may step down.
    assert owner.patch(f"{ACME}/members/{world.admin.id}", {"role": "owner"}).status_code == 200
    assert owner.patch(f"{ACME}/members/{world.owner.id}", {"role": "member"}).status_code == 200


def test_admins_cannot_touch_owners_or_grant_ownership(world, as_user):
    admin = as_user(world.admin)
    assert admin.patch(f"{ACME}/members/{world.owner.id}", {"role": "member"}).status_code == 403
    assert admin.patch(f"{ACME}/members/{world.member.id}", {"role": "owner"}).status_code == 403
    assert admin.patch(f"{ACME}/members/{world.member.id}", {"role": "guest"}).status_code == 200


def test_member_may_leave(world, as_user):
    assert as_user(world.member).delete(f"{ACME}/members/{world.member.id}").status_code == 204
    assert as_user(world.member).get(ACME).status_code == 404


def test_invitation_flow(world, as_user):
    admin = as_user(world.admin)
    created = admin.post(
        f"{ACME}/invitations", {"email": "New.Person@example.com", "role": "member"}
    )
    assert created.status_code == 201, created.content
    token = created.json()["token"]
    assert created.json()["email"] == "new.person@example.com"
    assert token not in str(list(Invitation.objects.values()))  # only the hash is stored

    intruder = as_user(UserFactory(email="intruder@example.com"))
    refused = intruder.post("/api/v1/invitations/accept", {"token": token})
    assert refused.status_code == 403
    assert refused.json()["code"] == "invitation_email_mismatch"

    invitee = UserFactory(email="new.person@example.com")
    accepted = as_user(invitee).post("/api/v1/invitations/accept", {"token": token})
    assert accepted.status_code == 200, accepted.content
    assert accepted.json()["slug"] == "acme"
    assert accepted.json()["role"] == "member"
    again = as_user(invitee).post("/api/v1/invitations/accept", {"token": token})
    assert again.status_code == 404  # single use
    assert admin.get(f"{ACME}/invitations").json()["results"] == []


def test_expired_and_revoked_invitations_cannot_be_accepted(world, as_user):
    admin = as_user(world.admin)
    invitee = UserFactory(email="late@example.com")
    token = admin.post(f"{ACME}/invitations", {"email": "late@example.com"}).json()["token"]
    Invitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert as_user(invitee).post("/api/v1/invitations/accept", {"token": token}).status_code == 404

    fresh = admin.post(f"{ACME}/invitations", {"email": "late@example.com"}).json()
    assert admin.delete(f"{ACME}/invitations/{fresh['id']}").status_code == 204
    response = as_user(invitee).post("/api/v1/invitations/accept", {"token": fresh["token"]})
    assert response.status_code == 404
    assert not Membership.objects.filter(user=invitee).exists()


def test_admin_cannot_invite_owner_and_members_cannot_invite(world, as_user):
    admin = as_user(world.admin)
    assert (
        admin.post(f"{ACME}/invitations", {"email": "o@example.com", "role": "owner"}).status_code
        == 403
    )
    assert (
        as_user(world.member).post(f"{ACME}/invitations", {"email": "m@example.com"}).status_code
        == 403
    )
    assert not Invitation.objects.exists()


def test_owner_deletes_workspace_and_the_event_survives(world, as_user):
    assert as_user(world.admin).delete(ACME).status_code == 403
    assert as_user(world.owner).delete(ACME).status_code == 204
    # Gone for everyone at once; its rows wait for the purge (see test_purge.py).
    assert as_user(world.owner).get(ACME).status_code == 404
    assert Workspace.objects.get(pk=world.workspace.pk).deleted_at is not None
    assert Event.objects.filter(name="workspace.deleted", workspace_id=world.workspace.id).exists()


def test_workspaces_owned_per_person_are_limited_by_a_setting(world, as_user, settings):
    settings.MAX_WORKSPACES_PER_USER = 2  # the owner owns acme already
    owner = as_user(world.owner)
    assert owner.post("/api/v1/workspaces", {"slug": "second", "name": "2"}).status_code == 201

    refused = owner.post("/api/v1/workspaces", {"slug": "third", "name": "3"})

    assert refused.status_code == 409
    assert refused.json()["code"] == "workspace_quota_exceeded"
    assert not Workspace.objects.filter(slug="third").exists()
    # Someone who owns none yet may still create theirs.
    assert (
        as_user(world.member).post("/api/v1/workspaces", {"slug": "mine", "name": "M"}).status_code
        == 201
    )


def test_members_search_matches_name_or_email_among_the_members_the_caller_sees(world, as_user):
    owner = as_user(world.owner)

    def found(client, text):
        response = client.get(f"{ACME}/members?search={text}")
        assert response.status_code == 200, response.content
        return sorted(m["user"]["id"] for m in response.json()["results"])

    def ids(*people):
        return sorted(str(person.id) for person in people)

    # By display name or email, any case
    assert found(owner, "ADMI") == ids(world.admin)
    assert found(owner, "member@EXAMPLE") == ids(world.member)
    # Another workspace's people are never found, even by their exact address
    assert found(owner, "outsider@example.com") == []
    # A guest searches only the people of their projects (and themself), not the directory,
    # and by name only: addresses they may not see are not matched either
    guest = as_user(world.guest)
    unfiltered = sorted(m["user"]["id"] for m in guest.get(f"{ACME}/members").json()["results"])
    assert str(world.admin.id) not in unfiltered
    assert found(guest, "admin") == []
    assert found(guest, "example.com") == []
    assert found(guest, world.guest.display_name[:4]) == ids(world.guest)


def test_members_search_longer_than_100_characters_is_a_400(world, as_user):
    response = as_user(world.member).get(f"{ACME}/members?search={'x' * 101}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "search"
