"""`capabilities` tell the truth: for every caller and every capability of every representation,
the capability is true exactly when the request it names succeeds.

Each request runs through the real endpoint and is rolled back, so every capability is tried
against the same state. "Succeeds" is any 2xx; a 403 is the refusal capabilities predict; a 409
for the state of things (the last owner cannot leave) is not a refusal of the caller.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from docket.core.scopes import LEGACY_SCOPES
from docket.http.capabilities import COMMENT, ISSUE, MEMBER, PROJECT, WORKSPACE, CapabilitySet
from docket.issues.services import issue_create
from docket.projects.models import Project
from docket.testing.world import World
from docket.workspaces.models import Membership, Role
from docket.workspaces.services import token_create

pytestmark = pytest.mark.django_db

WS = "/api/v1/workspaces/acme"

# The callers: each role, a member who leads ENG, and a member's token that may only read.
CALLERS = ("owner", "admin", "member", "guest", "lead", "read_token", "issues_token")
# A CI bot's token: reads everything a member reads, writes issues and nothing else.
ISSUES_TOKEN_SCOPES = (*LEGACY_SCOPES["read"], "issues:write")


def _client(world: World, caller: str, as_user) -> APIClient:
    if caller == "lead":
        Project.objects.filter(pk=world.eng.pk).update(lead=world.member)
        return as_user(world.member)
    if caller in ("read_token", "issues_token"):
        scopes = LEGACY_SCOPES["read"] if caller == "read_token" else ISSUES_TOKEN_SCOPES
        created = token_create(
            actor=world.owner,
            workspace_slug="acme",
            name="ci",
            scopes=scopes,
            expires_at=None,
        )
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {created.secret}")
        return client
    return as_user(world.user(caller))


Request = Callable[[APIClient, World], Any]


@dataclass(frozen=True)
class Case:
    set: CapabilitySet
    read: Callable[[APIClient, World], dict[str, bool] | None]
    requests: dict[str, Request]


def _get(client: APIClient, path: str) -> dict:
    response = client.get(path)
    assert response.status_code == 200, response.content
    return response.json()


def _member_row(client: APIClient, world: World, user) -> dict | None:
    """The member's capabilities, None where the caller does not see that member (a guest sees
    the people of their projects only)."""
    rows = _get(client, f"{WS}/members?limit=100")["results"]
    row = next((row for row in rows if row["user"]["id"] == str(user.pk)), None)
    return None if row is None else row["capabilities"]


def _comment_row(client: APIClient, world: World) -> dict:
    rows = _get(client, f"{WS}/issues/ENG-1/comments")["results"]
    return next(row for row in rows if row["id"] == str(world.member_comment.pk))["capabilities"]


def _other_state(world: World) -> str:
    return str(
        world.eng.states.exclude(pk=world.eng_issue.state_id).values_list("pk", flat=True)[0]
    )


CASES = {
    "workspace": Case(
        WORKSPACE,
        lambda c, w: _get(c, WS)["capabilities"],
        {
            "edit": lambda c, w: c.patch(WS, {"name": "Renamed"}, format="json"),
            "delete": lambda c, w: c.delete(WS),
            "invite_members": lambda c, w: c.post(
                f"{WS}/invitations", {"email": "new@example.com", "role": "guest"}, format="json"
            ),
            "manage_members": lambda c, w: c.patch(
                f"{WS}/members/{w.guest.pk}", {"role": "member"}, format="json"
            ),
            "create_project": lambda c, w: c.post(
                f"{WS}/projects", {"key": "NEW", "name": "New"}, format="json"
            ),
            "manage_webhooks": lambda c, w: c.get(f"{WS}/webhooks"),
        },
    ),
    "project": Case(
        PROJECT,
        lambda c, w: _get(c, f"{WS}/projects/ENG")["capabilities"],
        {
            "edit": lambda c, w: c.patch(f"{WS}/projects/ENG", {"name": "Eng"}, format="json"),
            "archive": lambda c, w: c.post(f"{WS}/projects/ENG/archive"),
            "delete": lambda c, w: c.delete(f"{WS}/projects/ENG"),
            "manage_members": lambda c, w: c.post(
                f"{WS}/projects/ENG/members", {"user_id": str(w.member.pk)}, format="json"
            ),
            "manage_states": lambda c, w: c.post(
                f"{WS}/projects/ENG/states",
                {"name": "QA", "category": "started", "color": "#00aa00"},
                format="json",
            ),
            "manage_labels": lambda c, w: c.post(
                f"{WS}/projects/ENG/labels", {"name": "new", "color": "#00aa00"}, format="json"
            ),
            "create_issue": lambda c, w: c.post(
                f"{WS}/projects/ENG/issues", {"title": "New"}, format="json"
            ),
        },
    ),
    "issue": Case(
        ISSUE,
        lambda c, w: _get(c, f"{WS}/issues/ENG-1")["capabilities"],
        {
            "edit": lambda c, w: c.patch(f"{WS}/issues/ENG-1", {"title": "T"}, format="json"),
            "move": lambda c, w: c.post(
                f"{WS}/issues/ENG-1/move", {"state_id": _other_state(w)}, format="json"
            ),
            "delete": lambda c, w: c.delete(f"{WS}/issues/ENG-1"),
            "link": lambda c, w: c.post(
                f"{WS}/issues/ENG-1/relations", {"issue_key": "ENG-2"}, format="json"
            ),
            "comment": lambda c, w: c.post(
                f"{WS}/issues/ENG-1/comments", {"body": "Hi"}, format="json"
            ),
        },
    ),
    "member's comment": Case(
        COMMENT,
        _comment_row,
        {
            "edit": lambda c, w: c.patch(
                f"{WS}/issues/ENG-1/comments/{w.member_comment.pk}", {"body": "B"}, format="json"
            ),
            "delete": lambda c, w: c.delete(f"{WS}/issues/ENG-1/comments/{w.member_comment.pk}"),
        },
    ),
}


def _membership_case(target: str) -> Case:
    """A member row, seen by each caller (and by the target, their own row)."""

    def user_id(world: World) -> str:
        return str(getattr(world, target).pk)

    return Case(
        MEMBER,
        lambda c, w: _member_row(c, w, getattr(w, target)),
        {
            "change_role": lambda c, w: c.patch(
                f"{WS}/members/{user_id(w)}", {"role": target}, format="json"
            ),
            "remove": lambda c, w: c.delete(f"{WS}/members/{user_id(w)}"),
        },
    )


for _target in ("owner", "admin", "guest"):
    CASES[f"{_target}'s membership"] = _membership_case(_target)


def _outcome(response) -> bool:
    """Whether the request was allowed: 2xx, or a conflict with the state of things; a 403 if
    not. Anything else means the request itself is wrong, and the test with it."""
    if response.status_code == 409:
        assert response.json()["code"] == "last_owner", response.content
        return True
    assert response.status_code < 300 or response.status_code == 403, (
        response.status_code,
        response.content,
    )
    return response.status_code < 300


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("subject", list(CASES))
def test_a_capability_is_true_exactly_when_its_request_succeeds(world, as_user, caller, subject):
    case = CASES[subject]
    issue_create(access=world.access("owner"), project=world.eng, title="Second")  # ENG-2
    client = _client(world, caller, as_user)
    shown = case.read(client, world)
    if shown is None:  # not shown to this caller: nothing offered, and nothing allowed either
        for request in case.requests.values():
            with transaction.atomic():
                assert request(client, world).status_code in (403, 404)
                transaction.set_rollback(True)
        return
    assert set(shown) == set(case.requests) == {c.name for c in case.set.capabilities}

    allowed = {}
    for name, request in case.requests.items():
        with transaction.atomic():
            allowed[name] = _outcome(request(client, world))
            transaction.set_rollback(True)

    assert shown == allowed


def test_the_roles_differ_as_documented(world, as_user):
    """A readable summary of the matrix above, so a change of rule shows here in words."""
    seen = {
        caller: {
            subject: sorted(
                name for name, ok in (CASES[subject].read(client, world) or {}).items() if ok
            )
            for subject in ("workspace", "project", "issue")
        }
        for caller in ("owner", "admin", "member", "guest")
        for client in [_client(world, caller, as_user)]
    }
    assert seen["guest"] == {"workspace": [], "project": [], "issue": ["comment"]}
    assert seen["member"]["workspace"] == ["create_project"]
    assert seen["member"]["project"] == ["create_issue", "manage_labels"]
    assert seen["member"]["issue"] == ["comment", "delete", "edit", "link", "move"]
    assert "delete" not in seen["admin"]["workspace"]
    assert "delete" in seen["owner"]["workspace"]


def test_the_workspace_list_says_what_the_workspace_says(world, as_user):
    for caller in ("owner", "member", "guest"):
        client = _client(world, caller, as_user)
        listed = _get(client, "/api/v1/workspaces")["results"]
        acme = next(item for item in listed if item["slug"] == "acme")
        assert acme["capabilities"] == _get(client, WS)["capabilities"]


def test_every_issue_of_a_list_and_the_board_carries_the_callers_capabilities(world, as_user):
    guest = _client(world, "guest", as_user)
    detail = _get(guest, f"{WS}/issues/ENG-1")["capabilities"]
    listed = _get(guest, f"{WS}/projects/ENG/issues")["results"]
    board = _get(guest, f"{WS}/projects/ENG/board")["columns"]
    cards = [card for column in board for card in column["issues"]]
    assert listed
    assert cards
    assert all(item["capabilities"] == detail for item in [*listed, *cards])
    assert detail["edit"] is False


def test_capabilities_cost_no_query(world, as_user):
    """Capabilities are computed from what the rows already hold (the role, the lead, the
    author): the lists answer in as many queries as before, whatever their length (the user,
    the membership with the visible projects, the page; and the issue for the comments)."""
    client = _client(world, "member", as_user)

    def counts() -> tuple[int, int, int]:
        with CaptureQueriesContext(connection) as projects:
            _get(client, f"{WS}/projects")
        with CaptureQueriesContext(connection) as members:
            _get(client, f"{WS}/members")
        with CaptureQueriesContext(connection) as comments:
            _get(client, f"{WS}/issues/ENG-1/comments")
        return len(projects), len(members), len(comments)

    before = counts()
    for key in ("P1", "P2", "P3"):
        client.post(f"{WS}/projects", {"key": key, "name": key}, format="json")
        client.post(f"{WS}/issues/ENG-1/comments", {"body": key}, format="json")
    Membership.objects.create(workspace=world.workspace, user=world.outsider, role=Role.GUEST)

    assert before == counts() == (3, 3, 4)
