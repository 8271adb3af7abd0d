"""Deleting a project or a workspace is a soft delete: the request answers at once, whatever
the size, and from that moment every read route treats it as missing (404 in problem+json), as
the access matrix would for a project of another tenant. The rows go later (test_purge.py)."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from docket.core.models import Event
from docket.core.scopes import READ_SCOPES
from docket.http.problems import PROBLEM_CONTENT_TYPE
from docket.integrations.models import WebhookDelivery
from docket.integrations.services import (
    plan_webhook_deliveries,
    webhook_delivery_send,
    webhook_endpoint_create,
)
from docket.issues.services import issue_create
from docket.notifications.models import EmailDelivery, Notification, Reason
from docket.notifications.services import email_delivery_send, notify_for_events
from docket.projects.models import Project
from docket.testing.world import World
from docket.workspaces.models import Workspace
from docket.workspaces.services import token_create

pytestmark = pytest.mark.django_db(databases=["default", "replica", "analytics"])

API = "/api/v1"
WS = f"{API}/workspaces/acme"
ENG = f"{WS}/projects/ENG"
ENG_1 = f"{WS}/issues/ENG-1"

# Every read route that names the deleted project or one of its issues.
GONE = [
    ENG,
    f"{ENG}/members",
    f"{ENG}/states",
    f"{ENG}/labels",
    f"{ENG}/insights",
    f"{ENG}/issues",
    ENG_1,
    f"{ENG_1}/activity",
    f"{ENG_1}/comments",
    f"{ENG_1}/subscription",
]


def _notify_member_about_eng_1(world: World) -> None:
    Notification.objects.create(
        workspace=world.workspace,
        recipient=world.member,
        event_id=Event.objects.latest("id").id,
        reason=Reason.COMMENTED,
        actor=world.owner,
        issue=world.eng_issue,
        project_id=world.eng.pk,
        issue_key="ENG-1",
        issue_title=world.eng_issue.title,
    )


def _delete_eng(world: World, as_user) -> None:
    assert as_user(world.admin).delete(ENG).status_code == 204


@pytest.mark.parametrize("role", ["guest", "member", "admin", "owner"])
@pytest.mark.parametrize("path", GONE)
def test_a_deleted_projects_routes_answer_404_to_every_role(world, as_user, role, path):
    # Given ENG readable by the role (the guest was added to it)
    client = as_user(world.user(role))
    assert client.get(path).status_code == 200

    # When an admin deletes it
    _delete_eng(world, as_user)

    # Then it is missing for everyone, in the documented problem format
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith(PROBLEM_CONTENT_TYPE)
    assert response.json()["code"] in {"project_not_found", "issue_not_found"}


def test_a_deleted_projects_issues_leave_every_list_search_and_inbox(world, as_user):
    # Given a member with a notification about ENG-1, who finds it by list and by search
    _notify_member_about_eng_1(world)
    member = as_user(world.member)
    assert "ENG" in {p["key"] for p in member.get(f"{WS}/projects").json()["results"]}
    assert "ENG-1" in {i["key"] for i in member.get(f"{WS}/issues").json()["results"]}
    assert member.get(f"{WS}/issues", {"q": "First"}).json()["results"]
    assert member.get(f"{WS}/notifications/unread-count").json()["unread"] == 1

    # When the project is deleted
    _delete_eng(world, as_user)

    # Then no list, search or inbox names it or its issues; OPS is still there
    assert {p["key"] for p in member.get(f"{WS}/projects").json()["results"]} == {"OPS"}
    archived = member.get(f"{WS}/projects", {"include_archived": "true"}).json()["results"]
    assert {p["key"] for p in archived} == {"OPS"}
    assert {i["key"] for i in member.get(f"{WS}/issues").json()["results"]} == {"OPS-1"}
    assert [i["key"] for i in member.get(f"{WS}/issues", {"q": "First"}).json()["results"]] == [
        "OPS-1"
    ]
    assert member.get(f"{WS}/notifications").json()["results"] == []
    assert member.get(f"{WS}/notifications/unread-count").json()["unread"] == 0


def test_a_deleted_project_takes_no_writes(world, as_user):
    _delete_eng(world, as_user)
    admin = as_user(world.admin)
    assert admin.post(f"{ENG}/issues", {"title": "Late"}, format="json").status_code == 404
    assert admin.patch(ENG_1, {"title": "Late"}, format="json").status_code == 404
    assert admin.post(f"{ENG_1}/comments", {"body": "Late"}, format="json").status_code == 404
    # Deleting it again is a 404 too, and records nothing more
    assert admin.delete(ENG).status_code == 404
    assert Event.objects.filter(name="project.deleted", subject_id=world.eng.pk).count() == 1


def test_a_deleted_projects_key_is_free_at_once(world, as_user):
    _delete_eng(world, as_user)
    admin = as_user(world.admin)

    created = admin.post(f"{WS}/projects", {"key": "ENG", "name": "Engineering again"})

    assert created.status_code == 201
    new_issue = admin.post(f"{ENG}/issues", {"title": "A fresh start"}, format="json").json()
    assert new_issue["key"] == "ENG-1"
    assert admin.get(ENG_1).json()["title"] == "A fresh start"
    # And a second live ENG is still refused
    again = admin.post(f"{WS}/projects", {"key": "ENG", "name": "Twice"})
    assert (again.status_code, again.json()["errors"][0]["code"]) == (400, "key_taken")


def test_the_relay_tells_nobody_about_a_deleted_projects_issues(world, as_user):
    # Given an event about ENG-1 still waiting for the relay when ENG is deleted
    event = Event.objects.filter(subject_id=world.eng_issue.pk).latest("id")
    _delete_eng(world, as_user)

    # When the notifications consumer gets it
    notify_for_events([event])

    # Then nobody is told
    assert not Notification.objects.filter(project_id=world.eng.pk).exists()


def _project_with_issues(world: World, count: int) -> Project:
    access = world.access("owner")
    for n in range(count):
        issue_create(access=access, project=world.ops, title=f"Issue {n}")
    return world.ops


@pytest.mark.parametrize("count", [1, 40])
def test_deleting_a_project_answers_in_a_fixed_number_of_queries(world, as_user, count):
    # Given OPS with few or many issues
    _project_with_issues(world, count)
    admin = as_user(world.admin)

    # When an admin deletes it
    with CaptureQueriesContext(connection) as queries:
        response = admin.delete(f"{WS}/projects/OPS")

    # Then the same queries run whatever its size: nothing is deleted in the request (one of
    # them finds the issues of other projects related to OPS's, whose relations change)
    assert response.status_code == 204
    assert len(queries) == 9, [q["sql"] for q in queries]
    assert not any(q["sql"].startswith("DELETE") for q in queries)


@pytest.mark.parametrize("count", [1, 40])
def test_deleting_a_workspace_answers_in_a_fixed_number_of_queries(world, as_user, count):
    _project_with_issues(world, count)
    owner = as_user(world.owner)

    with CaptureQueriesContext(connection) as queries:
        response = owner.delete(WS)

    assert response.status_code == 204
    assert len(queries) == 6, [q["sql"] for q in queries]
    assert not any(q["sql"].startswith("DELETE") for q in queries)


def test_a_deleted_workspace_is_gone_for_everyone_and_its_slug_is_free(world, as_user):
    # Given a member's personal access token for acme
    token = token_create(
        actor=world.member, workspace_slug="acme", name="bot", scopes=READ_SCOPES, expires_at=None
    )

    # When the owner deletes the workspace
    assert as_user(world.owner).delete(WS).status_code == 204

    # Then no role reaches it or anything in it, by JWT or by token
    for role in ("guest", "member", "admin", "owner"):
        client = as_user(world.user(role))
        for path in (WS, f"{WS}/projects", f"{WS}/issues", f"{WS}/events", ENG_1):
            response = client.get(path)
            assert response.status_code == 404, (role, path)
            assert response.json()["code"] == "workspace_not_found"
        assert client.get(f"{API}/workspaces").json()["results"] == []
    bot = as_user(None)
    bot.credentials(HTTP_AUTHORIZATION=f"Bearer {token.secret}")
    assert bot.get(f"{WS}/projects").status_code == 401
    # The other tenant is untouched
    assert as_user(world.outsider).get(f"{API}/workspaces/other/issues/ENG-1").status_code == 200
    # And the slug is free at once
    created = as_user(world.outsider).post(f"{API}/workspaces", {"slug": "acme", "name": "New"})
    assert created.status_code == 201
    assert Workspace.objects.filter(slug="acme").count() == 2


def test_no_email_goes_out_about_a_deleted_project_or_workspace(world, as_user, mailoutbox):
    # Given emails planned about ENG-1 (its project deleted) and OPS-1 (its workspace deleted)
    _notify_member_about_eng_1(world)
    eng_email = EmailDelivery.objects.create(notification=Notification.objects.get())
    _delete_eng(world, as_user)

    # When the email queue reaches them
    outcome = email_delivery_send(delivery_id=eng_email.pk)

    # Then neither is sent
    assert outcome == "cancelled"
    ops_notification = Notification.objects.create(
        workspace=world.workspace,
        recipient=world.member,
        event_id=Event.objects.latest("id").id,
        reason=Reason.COMMENTED,
        issue=world.ops_issue,
        project_id=world.ops.pk,
        issue_key="OPS-1",
        issue_title=world.ops_issue.title,
    )
    ops_email = EmailDelivery.objects.create(notification=ops_notification)
    assert as_user(world.owner).delete(WS).status_code == 204
    assert email_delivery_send(delivery_id=ops_email.pk) == "cancelled"
    assert mailoutbox == []


def test_no_webhook_goes_out_from_a_deleted_workspace(world, as_user):
    # Given an endpoint with a delivery planned before the workspace is deleted
    endpoint, _ = webhook_endpoint_create(
        access=world.access("owner"),
        url="https://example.com/hook",
        event_types=["issue.created", "workspace.deleted"],
    )
    issue_create(access=world.access("owner"), project=world.ops, title="Heard")
    plan_webhook_deliveries([Event.objects.latest("id")])
    planned = WebhookDelivery.objects.get(endpoint=endpoint)
    assert as_user(world.owner).delete(WS).status_code == 204

    # When the sender reaches it, and the relay hands over the deletion
    outcome = webhook_delivery_send(delivery_id=planned.pk)
    plan_webhook_deliveries([Event.objects.latest("id")])

    # Then nothing is sent, and nothing more is planned
    assert outcome.result == "cancelled"
    assert WebhookDelivery.objects.filter(endpoint=endpoint).count() == 1
