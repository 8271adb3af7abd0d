"""Readers learn only what they were granted: a guest sees neither the far end of a relation
into a project they cannot see, nor the e-mail addresses of the people acting (the activity of
an issue and the change feed). Members and above see both, as before."""

import time

import pytest

from docket.integrations.tests.test_event_feed import _read_all
from docket.issues.relations import issue_relate, issue_unrelate

FEED = "/api/v1/workspaces/acme/events"
ACTIVITY = "/api/v1/workspaces/acme/issues/{key}/activity"
RELATION_EVENTS = {"issue.linked", "issue.unlinked"}


def _relate_across_projects(world):
    owner = world.access("owner")
    issue_relate(access=owner, issue=world.eng_issue, other=world.ops_issue, kind="blocks")
    issue_unrelate(access=owner, issue=world.eng_issue, other=world.ops_issue)


def _feed_until_relations(client) -> list[dict]:
    """The feed, followed until both relation events are in it (the commit horizon is the whole
    server's: another transaction open elsewhere delays them for a moment)."""
    events: list[dict] = []
    cursor = None
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        more, cursor = _read_all(client, cursor)
        events += more
        if sum(e["name"] in RELATION_EVENTS for e in events) >= 2:
            break
        time.sleep(0.1)
    return events


def _activity(as_user, user, key):
    answer = as_user(user).get(ACTIVITY.format(key=key), {"limit": 100})
    assert answer.status_code == 200, answer.content
    return answer.json()["results"]


@pytest.mark.django_db(databases=["default", "replica", "analytics"])
def test_a_guest_does_not_learn_the_far_end_of_a_relation_from_activity(world, as_user):
    # Given an issue of ENG (the guest's project) related to, then unrelated from, one of OPS
    _relate_across_projects(world)
    key = world.eng_issue.key

    # When the guest and a member read the ENG issue's activity
    guest_seen = [e for e in _activity(as_user, world.guest, key) if e["name"] in RELATION_EVENTS]
    member_seen = [e for e in _activity(as_user, world.member, key) if e["name"] in RELATION_EVENTS]

    # Then the guest sees that it was linked and unlinked, and how, but not to which issue
    assert [e["name"] for e in guest_seen] == ["issue.linked", "issue.unlinked"]
    assert all("issue" not in e["changes"] for e in guest_seen)
    assert guest_seen[0]["changes"]["relation"] == {"old": None, "new": "blocks"}
    assert world.ops_issue.key not in str(guest_seen)
    assert str(world.ops_issue.pk) not in str(guest_seen)
    # And the member still sees the other issue
    assert member_seen[0]["changes"]["issue"]["new"]["key"] == world.ops_issue.key


@pytest.mark.django_db(databases=["default", "replica", "analytics"])
def test_a_guest_sees_the_far_end_of_a_relation_inside_their_projects(world, as_user):
    # Given two issues of ENG, related
    from docket.issues.services import issue_create

    owner = world.access("owner")
    other = issue_create(access=owner, project=world.eng, title="Second ENG issue")
    issue_relate(access=owner, issue=world.eng_issue, other=other)

    # Then the guest sees which issue it is
    seen = [
        e
        for e in _activity(as_user, world.guest, world.eng_issue.key)
        if e["name"] in RELATION_EVENTS
    ]
    assert seen[0]["changes"]["issue"]["new"] == {"id": str(other.pk), "key": other.key}


@pytest.mark.django_db(databases=["default", "replica", "analytics"])
def test_actor_emails_are_shown_only_to_roles_that_list_members(world, as_user):
    key = world.eng_issue.key
    guest_actors = [e["actor"] for e in _activity(as_user, world.guest, key) if e["actor"]]
    member_actors = [e["actor"] for e in _activity(as_user, world.member, key) if e["actor"]]

    assert guest_actors
    assert all(actor["email"] is None for actor in guest_actors)
    assert all(actor["display_name"] for actor in guest_actors)
    assert member_actors
    assert all(actor["email"] for actor in member_actors)


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_the_change_feed_redacts_the_same_for_a_guest(world, as_user):
    # Given a relation across projects, made and removed
    _relate_across_projects(world)

    # When the guest reads the feed
    events = _feed_until_relations(as_user(world.guest))
    relations = [e for e in events if e["name"] in RELATION_EVENTS]

    # Then neither the OPS issue nor anyone's address is in it (the guest's own aside)
    assert relations
    assert all("issue" not in e["changes"] for e in relations)
    assert world.ops_issue.key not in str(events)
    assert all(e["actor"] is None or e["actor"]["email"] is None for e in events)

    # While a member's feed still names the other issue and the actors' addresses
    member_events = _feed_until_relations(as_user(world.member))
    member_relations = [e for e in member_events if e["name"] in RELATION_EVENTS]
    assert any("issue" in e["changes"] for e in member_relations)
    assert any(e["actor"] and e["actor"]["email"] for e in member_events)


# --- Wherever a person is shown: one rule (docket.http.refs.UserSummaryOutput) -----------------

PEOPLE_SHOWN = [
    "/api/v1/workspaces/acme/issues/ENG-1",
    "/api/v1/workspaces/acme/issues",
    "/api/v1/workspaces/acme/issues/ENG-1/comments",
    "/api/v1/workspaces/acme/members",
    "/api/v1/workspaces/acme/projects/ENG",
    "/api/v1/workspaces/acme/projects/ENG/members",
    "/api/v1/workspaces/acme/notifications",
]


def _people(shown) -> list[dict]:
    """Every object in an answer that represents a person (it carries an `email` key)."""
    if isinstance(shown, list):
        return [person for item in shown for person in _people(item)]
    if not isinstance(shown, dict):
        return []
    own = [shown] if "email" in shown and "display_name" in shown else []
    return own + [person for value in shown.values() for person in _people(value)]


def _shown_everywhere(world):
    """A lead, an assignee and a notification, so every representation has a person in it."""
    from docket.notifications.models import Notification

    world.eng.lead = world.member
    world.eng.save(update_fields=["lead"])
    world.eng_issue.assignees.add(world.member)
    Notification.objects.create(
        workspace=world.workspace,
        recipient=world.guest,
        event_id=1,
        reason="assigned",
        actor=world.owner,
        issue=world.eng_issue,
        project_id=world.eng.pk,
        issue_key=world.eng_issue.key,
        issue_title=world.eng_issue.title,
    )


@pytest.mark.django_db
@pytest.mark.parametrize("url", PEOPLE_SHOWN)
def test_a_guest_sees_no_e_mail_address_wherever_a_person_is_shown(world, as_user, url):
    _shown_everywhere(world)

    answer = as_user(world.guest).get(url)

    assert answer.status_code == 200, answer.content
    people = _people(answer.json())
    assert people, "nothing to check: the answer names no one"
    assert {person["email"] for person in people} == {None}
    assert "@example.com" not in answer.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("url", PEOPLE_SHOWN[:-1])
@pytest.mark.parametrize("role", ["member", "admin"])
def test_roles_that_list_members_see_e_mail_addresses(world, as_user, url, role):
    _shown_everywhere(world)

    people = _people(as_user(world.user(role)).get(url).json())

    assert people
    assert all(person["email"] and "@" in person["email"] for person in people)


@pytest.mark.django_db
def test_a_guest_answer_leaves_no_e_mails_shown_to_the_next_request(world, as_user):
    """The decision is per request: a guest's answer does not leave addresses hidden (or a
    member's shown) for whoever the same worker serves next."""
    as_user(world.guest).get("/api/v1/workspaces/acme/issues/ENG-1")
    shown = as_user(world.member).get("/api/v1/workspaces/acme/issues/ENG-1").json()
    assert shown["reporter"]["email"] == "owner@example.com"
    as_user(world.member).get("/api/v1/workspaces/acme/issues/ENG-1")
    hidden = as_user(world.guest).get("/api/v1/workspaces/acme/issues/ENG-1").json()
    assert hidden["reporter"]["email"] is None
