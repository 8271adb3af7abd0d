"""Notifications: who is told what, exactly once, and only those who may see the issue."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from docket.core.models import Event
from docket.issues.services import comment_create, issue_create, issue_move, issue_update
from docket.notifications.models import Notification, Subscription
from docket.notifications.services import notify_for_events, subscription_set
from docket.projects.models import State
from docket.testing.factories import MembershipFactory
from docket.workspaces.models import Role

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"


class Relay:
    """Hands the events recorded since it was made to the notifications consumer, the way the
    relay does (the relay itself, with a worker, is tested in test_end_to_end)."""

    def __init__(self) -> None:
        self.mark = Event.objects.order_by("-id").values_list("id", flat=True).first() or 0

    def __call__(self) -> None:
        events = list(Event.objects.filter(id__gt=self.mark).order_by("id"))
        notify_for_events(events)
        self.mark = events[-1].id if events else self.mark


def told(issue_key: str) -> dict[str, str]:
    return {
        n.recipient.email.split("@")[0]: n.reason
        for n in Notification.objects.filter(issue_key=issue_key).select_related("recipient")
    }


def test_assignees_are_told_and_subscribed_but_never_of_their_own_change(world):
    relay = Relay()
    issue = issue_create(
        access=world.access("member"),
        project=world.eng,
        title="Assigned",
        assignee_ids=[world.admin.id, world.member.id],
    )
    relay()
    assert told(issue.key) == {"admin": "assigned"}
    subscribed = set(Subscription.objects.filter(issue=issue).values_list("user__email", flat=True))
    assert subscribed == {"admin@example.com", "member@example.com"}


def test_comments_tell_subscribers_and_mentions_tell_who_can_see(world):
    relay = Relay()
    issue = issue_create(access=world.access("member"), project=world.ops, title="Ops thing")
    # The guest is not on OPS: mentioning them tells them nothing and subscribes nobody.
    comment_create(
        access=world.access("owner"),
        issue=issue,
        body="@admin@example.com please look; cc @guest@example.com",
    )
    relay()
    assert told(issue.key) == {"member": "commented", "admin": "mentioned"}
    relay()  # a replay (the relay after a crash) tells nobody twice
    assert Notification.objects.filter(issue_key=issue.key).count() == 2
    assert not Subscription.objects.filter(issue=issue, user=world.guest).exists()


def test_a_state_change_tells_subscribers_except_who_unsubscribed(world):
    relay = Relay()
    issue = issue_create(access=world.access("member"), project=world.eng, title="Moving")
    subscription_set(access=world.access("guest"), issue=issue, subscribed=True)
    subscription_set(access=world.access("admin"), issue=issue, subscribed=True)
    subscription_set(access=world.access("admin"), issue=issue, subscribed=False)
    done = State.objects.get(project=world.eng, name="Done")
    issue.project = world.eng
    issue_move(access=world.access("owner"), issue=issue, state_id=done.id)
    relay()
    assert told(issue.key) == {"member": "state_changed", "guest": "state_changed"}
    # A title edit tells nobody.
    issue_update(access=world.access("owner"), issue=issue, title="Renamed")
    relay()
    assert Notification.objects.filter(issue_key=issue.key).count() == 2


def test_a_guest_taken_off_the_project_is_told_nothing_more(world):
    relay = Relay()
    subscription_set(access=world.access("guest"), issue=world.eng_issue, subscribed=True)
    world.eng.members.filter(membership__user=world.guest).delete()
    comment_create(access=world.access("member"), issue=world.eng_issue, body="After")
    relay()
    assert "guest" not in told("ENG-1")


def test_the_inbox_api(world, as_user):
    # Given three notifications for the admin, one of them read
    relay = Relay()
    for n in range(3):
        issue_create(
            access=world.access("member"),
            project=world.eng,
            title=f"For admin {n}",
            assignee_ids=[world.admin.id],
        )
    relay()
    client = as_user(world.admin)
    first = Notification.objects.filter(recipient=world.admin).order_by("id").first()
    assert first is not None
    assert client.post(f"{ACME}/notifications/{first.id}/read").json()["read"] is True

    # Then the list puts unread first (newest first), and counts them, in fixed queries
    with CaptureQueriesContext(connection) as queries:
        listed = client.get(f"{ACME}/notifications").json()["results"]
    assert len(queries) == 3
    assert [n["issue_key"] for n in listed] == ["ENG-4", "ENG-3", "ENG-2"]
    assert [n["read"] for n in listed] == [False, False, True]
    assert client.get(f"{ACME}/notifications/unread-count").json() == {"unread": 2}
    assert client.post(f"{ACME}/notifications/read-all").json() == {"marked": 2}
    assert client.get(f"{ACME}/notifications?unread=true").json()["results"] == []
    # Nobody else reads or marks them
    assert as_user(world.member).post(f"{ACME}/notifications/{first.id}/read").status_code == 404


def test_subscribing_through_the_api(world, as_user):
    url = f"{ACME}/issues/ENG-1/subscription"
    client = as_user(world.guest)
    assert client.get(url).json() == {"subscribed": False}
    assert client.put(url, {"subscribed": True}).json() == {"subscribed": True}
    assert client.get(url).json() == {"subscribed": True}
    # OPS is not the guest's: the same 404 as a missing issue
    assert client.put(f"{ACME}/issues/OPS-1/subscription", {"subscribed": True}).status_code == 404
    outsider = MembershipFactory(role=Role.OWNER).user
    assert as_user(outsider).get(url).status_code == 404


@pytest.mark.parametrize("raw", ["99999999999999999999", "0", "-1", "1e3", "%00"])
def test_a_notification_id_that_cannot_exist_is_a_plain_404(world, as_user, raw):
    response = as_user(world.admin).post(f"{ACME}/notifications/{raw}/read")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_notification_settings_are_the_callers_own(world, as_user):
    url = "/api/v1/me/notification-settings"
    both_on = {"email_enabled": True, "digest_enabled": True}
    assert as_user(world.member).get(url).json() == both_on
    assert as_user(world.member).put(url, {"email_enabled": False}).json() == {
        "email_enabled": False,
        "digest_enabled": True,
    }
    assert as_user(world.member).get(url).json() == {
        "email_enabled": False,
        "digest_enabled": True,
    }
    assert as_user(world.admin).get(url).json() == both_on
    assert as_user(world.member).put(url, {"email_enabled": "maybe"}).status_code == 400
    assert as_user(None).get(url).status_code == 401


def test_each_notification_setting_is_changed_alone_and_bad_input_is_a_problem(world, as_user):
    url = "/api/v1/me/notification-settings"
    client = as_user(world.member)

    # The digest alone, then email alone, then both: a setting not given keeps its value
    assert client.put(url, {"digest_enabled": False}).json() == {
        "email_enabled": True,
        "digest_enabled": False,
    }
    assert client.put(url, {"email_enabled": False}).json() == {
        "email_enabled": False,
        "digest_enabled": False,
    }
    assert client.put(url, {"email_enabled": True, "digest_enabled": True}).json() == {
        "email_enabled": True,
        "digest_enabled": True,
    }

    # Bad input is refused as problem+json, and changes nothing
    for body, field, code in [
        ({"digest_enabled": "sometimes"}, "digest_enabled", "invalid"),
        ({"digest_enabled": None}, "digest_enabled", "null"),
        ({"weekly": True}, "weekly", "unknown_field"),
        ({}, None, "empty"),
    ]:
        refused = client.put(url, body)
        assert refused.status_code == 400, body
        assert refused["Content-Type"] == "application/problem+json"
        assert [(e["field"], e["code"]) for e in refused.json()["errors"]] == [(field, code)]
    assert client.get(url).json() == {"email_enabled": True, "digest_enabled": True}
