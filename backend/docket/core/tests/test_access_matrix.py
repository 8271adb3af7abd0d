"""The tenant-isolation and role access matrix.

Every endpoint under /api/v1/workspaces is called as anonymous, outsider (owner of another
workspace), guest, member, admin and owner, through the HTTP client with a real JWT. Each row of
MATRIX names one endpoint and method, a body that is valid for it, and the status each role must
get. A refused request must answer in problem+json with a machine `code` and leave every row of
our tables exactly as it was. `test_matrix_covers_every_endpoint` walks the URLconf, so a new
endpoint without a row fails the suite.
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import pytest
from django.apps import apps
from django.db import router
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone
from rest_framework.test import APIClient

from docket.accounts.models import User
from docket.core.models import Event
from docket.http.problems import PROBLEM_CONTENT_TYPE
from docket.integrations.models import WebhookDelivery
from docket.integrations.services import webhook_endpoint_create
from docket.issues.models import Issue
from docket.issues.relations import issue_relate
from docket.issues.services import comment_create, issue_create
from docket.projects.models import Label, Project, State
from docket.projects.services import (
    label_create,
    project_member_add,
    project_set_archived,
    project_update,
)
from docket.testing.factories import MembershipFactory, UserFactory
from docket.testing.world import World, access_of
from docket.workspaces.models import Membership, Role
from docket.workspaces.services import invitation_create

ROLES = ("anonymous", "outsider", "guest", "member", "admin", "owner")
API = "/api/v1"
WS = f"{API}/workspaces/acme"
PROJECT = f"{WS}/projects/{{project}}"
ISSUE = f"{WS}/issues/{{issue}}"
NIL = str(uuid.UUID(int=0))
METHODS = ("get", "post", "put", "patch", "delete")

# --- The table ---------------------------------------------------------------------------------

# The insight endpoints read the analytics database; the snapshot reads every database.
pytestmark = pytest.mark.django_db(databases=["default", "replica", "analytics"])


def expect(
    guest: int, member: int, admin: int, owner: int, *, anonymous: int = 401, outsider: int = 404
) -> dict[str, int]:
    return {
        "anonymous": anonymous,
        "outsider": outsider,
        "guest": guest,
        "member": member,
        "admin": admin,
        "owner": owner,
    }


ANYONE_IN_WORKSPACE = expect(200, 200, 200, 200)
COMMENTERS = expect(201, 201, 201, 201)
CONTRIBUTORS_CREATE = expect(403, 201, 201, 201)
CONTRIBUTORS = expect(403, 200, 200, 200)
CONTRIBUTORS_DELETE = expect(403, 204, 204, 204)
MANAGERS_CREATE = expect(403, 403, 201, 201)
MANAGERS = expect(403, 403, 200, 200)
MANAGERS_DELETE = expect(403, 403, 204, 204)


@dataclass
class Ctx:
    """What a row needs to build its request: the world, the caller and the ids to fill in."""

    world: World
    actor: User | None
    project: Project
    issue: Issue
    ids: dict[str, str] = field(default_factory=dict)

    @property
    def owner_membership(self) -> Membership:
        return self.world.memberships[Role.OWNER]

    def actor_membership(self) -> Membership | None:
        if self.actor is None:
            return None
        return Membership.objects.filter(workspace=self.world.workspace, user=self.actor).first()


Setup = Callable[[Ctx], None]
Body = dict[str, Any] | Callable[[dict[str, str]], dict[str, Any]] | None


@dataclass(frozen=True)
class Row:
    method: str
    path: str  # with {placeholders} filled from Ctx.ids
    expect: dict[str, int]
    body: Body = None
    setup: Setup | None = None
    note: str = ""
    # A 2xx that must still change nothing (e.g. a bulk update whose every item is refused).
    unchanged: bool = False

    @property
    def id(self) -> str:
        path = self.path.removeprefix(API)
        return f"{self.method} {path}" + (f" [{self.note}]" if self.note else "")


def with_invitation(ctx: Ctx) -> None:
    invitation, _token = invitation_create(
        access=access_of(ctx.owner_membership),
        email="invitee@example.com",
        role=Role.MEMBER,
    )
    ctx.ids["invitation"] = str(invitation.id)


def with_relation(ctx: Ctx) -> None:
    """The issue related to OPS-1 (or, when the issue is OPS-1, to ENG-1)."""
    world = ctx.world
    other = world.eng_issue if ctx.issue.pk == world.ops_issue.pk else world.ops_issue
    issue_relate(access=access_of(ctx.owner_membership), issue=ctx.issue, other=other)


def with_webhook(ctx: Ctx) -> None:
    """An endpoint of acme's with one delivery in its log."""
    endpoint, _secret = webhook_endpoint_create(
        access=access_of(ctx.owner_membership),
        url="https://hooks.example.com/acme",
        event_types=["issue.updated"],
    )
    delivery = WebhookDelivery.objects.create(
        endpoint=endpoint,
        event_id=Event.objects.order_by("-id").values_list("id", flat=True)[0],
        event_name="issue.updated",
        next_attempt_at=timezone.now() + datetime.timedelta(hours=1),
    )
    ctx.ids.update(webhook=str(endpoint.id), delivery=str(delivery.id))


def with_oauth_app(ctx: Ctx) -> None:
    """An OAuth app of acme's, installed by the member (one access token)."""
    from oauth2_provider.models import AccessToken

    from docket.workspaces.oauth import oauth_app_create

    registered = oauth_app_create(
        access=access_of(ctx.owner_membership),
        name="Timesheets",
        redirect_uris=["https://timesheets.example.com/callback"],
        confidential=True,
    )
    token = AccessToken.objects.create(
        user=ctx.world.member,
        application=registered.app.client,
        token="dkt_oat_matrix",
        expires=timezone.now() + datetime.timedelta(hours=1),
        scope="issues:read",
    )
    ctx.ids.update(oauth_app=str(registered.app.id), installation=str(token.pk))


def with_bystander(ctx: Ctx) -> None:
    """Another plain member, so that managing someone else is never managing oneself."""
    bystander = MembershipFactory(
        workspace=ctx.world.workspace,
        role=Role.MEMBER,
        user=UserFactory(email="bystander@example.com"),
    )
    ctx.ids["bystander"] = str(bystander.user_id)


def archived(ctx: Ctx) -> None:
    project_set_archived(access=access_of(ctx.owner_membership), project=ctx.project, archived=True)


def member_leads(ctx: Ctx) -> None:
    project_update(
        access=access_of(ctx.owner_membership),
        project=ctx.project,
        lead_id=ctx.world.member.id,
    )


def leads_archived(ctx: Ctx) -> None:
    member_leads(ctx)
    archived(ctx)


def with_own_comment(ctx: Ctx) -> None:
    """A comment written by the caller (for callers outside acme: the member's comment)."""
    membership = ctx.actor_membership()
    if membership is None:
        ctx.ids["own_comment"] = ctx.ids["comment"]
        return
    access = access_of(membership)
    if not access.can_see_project(ctx.issue.project_id):
        # Written while the caller still saw the project (a guest since taken off it).
        access = replace(access, visible_project_ids=None)
    comment = comment_create(access=access, issue=ctx.issue, body="My own words.")
    ctx.ids["own_comment"] = str(comment.id)


def with_own_notification(ctx: Ctx) -> None:
    """A notification of the caller's (for callers outside acme: the member's)."""
    from docket.notifications.models import Notification

    own = ctx.actor is not None and ctx.actor_membership() is not None
    recipient = ctx.actor if own and ctx.actor is not None else ctx.world.member
    notification = Notification.objects.create(
        workspace=ctx.world.workspace,
        recipient=recipient,
        event_id=1,
        reason="commented",
        issue=ctx.issue,
        project_id=ctx.issue.project_id,
        issue_key=ctx.issue.key,
        issue_title=ctx.issue.title,
    )
    ctx.ids["notification"] = str(notification.id)


def reversed_states(ids: dict[str, str]) -> dict[str, Any]:
    return {"state_ids": list(reversed(ids["states"].split(",")))}


MATRIX: list[Row] = [
    # Workspaces (the collection is not tenant-scoped: any signed-in user lists and creates).
    Row("GET", f"{API}/workspaces", expect(200, 200, 200, 200, outsider=200)),
    Row(
        "POST",
        f"{API}/workspaces",
        expect(201, 201, 201, 201, outsider=201),
        {"slug": "newco", "name": "New Co"},
    ),
    Row("GET", WS, ANYONE_IN_WORKSPACE),
    Row("PATCH", WS, MANAGERS, {"name": "Acme Renamed"}),
    Row("DELETE", WS, expect(403, 403, 403, 204)),
    # Members
    Row("GET", f"{WS}/members", ANYONE_IN_WORKSPACE),
    # The change feed (what each role sees in it: docket/integrations/tests)
    Row("GET", f"{WS}/events", ANYONE_IN_WORKSPACE),
    # Notifications: each person their own
    Row("GET", f"{WS}/notifications", ANYONE_IN_WORKSPACE),
    Row("GET", f"{WS}/notifications/unread-count", ANYONE_IN_WORKSPACE),
    Row("POST", f"{WS}/notifications/read-all", ANYONE_IN_WORKSPACE),
    Row(
        "POST",
        f"{WS}/notifications/{{notification}}/read",
        ANYONE_IN_WORKSPACE,
        setup=with_own_notification,
    ),
    Row("GET", f"{ISSUE}/subscription", ANYONE_IN_WORKSPACE),
    Row("PUT", f"{ISSUE}/subscription", ANYONE_IN_WORKSPACE, {"subscribed": True}),
    # A guest sees only the members of their projects: anyone else is a 404 to them.
    Row(
        "PATCH",
        f"{WS}/members/{{bystander}}",
        expect(404, 403, 200, 200),
        {"role": "guest"},
        with_bystander,
    ),
    Row(
        "PATCH",
        f"{WS}/members/{{owner}}",
        expect(404, 403, 403, 409),
        {"role": "admin"},
        note="only owners touch owners; the last owner stays",
    ),
    Row(
        "PATCH",
        f"{WS}/members/{{bystander}}",
        expect(404, 403, 403, 200),
        {"role": "owner"},
        with_bystander,
        note="granting owner",
    ),
    Row("DELETE", f"{WS}/members/{{bystander}}", expect(404, 403, 204, 204), setup=with_bystander),
    Row(
        "DELETE",
        f"{WS}/members/{{actor}}",
        expect(204, 204, 204, 409),
        note="leaving; the last owner cannot",
    ),
    Row("DELETE", f"{WS}/members/{{owner}}", expect(404, 403, 403, 409), note="the owner"),
    # Invitations
    Row("GET", f"{WS}/invitations", MANAGERS),
    Row(
        "POST",
        f"{WS}/invitations",
        MANAGERS_CREATE,
        {"email": "newcomer@example.com", "role": "member"},
    ),
    Row(
        "POST",
        f"{WS}/invitations",
        expect(403, 403, 403, 201),
        {"email": "newcomer@example.com", "role": "owner"},
        note="inviting an owner",
    ),
    Row("DELETE", f"{WS}/invitations/{{invitation}}", MANAGERS_DELETE, setup=with_invitation),
    # Webhooks: admins only (an endpoint's URL often holds the receiver's credential)
    Row("GET", f"{WS}/webhooks", MANAGERS),
    Row(
        "POST",
        f"{WS}/webhooks",
        MANAGERS_CREATE,
        {"url": "https://hooks.example.com/new", "event_types": ["issue.created"]},
    ),
    Row("GET", f"{WS}/webhooks/{{webhook}}", MANAGERS, setup=with_webhook),
    Row("PATCH", f"{WS}/webhooks/{{webhook}}", MANAGERS, {"is_active": False}, with_webhook),
    Row("DELETE", f"{WS}/webhooks/{{webhook}}", MANAGERS_DELETE, setup=with_webhook),
    Row("POST", f"{WS}/webhooks/{{webhook}}/rotate-secret", MANAGERS, setup=with_webhook),
    Row("GET", f"{WS}/webhooks/{{webhook}}/deliveries", MANAGERS, setup=with_webhook),
    Row(
        "POST",
        f"{WS}/webhooks/{{webhook}}/deliveries/{{delivery}}/redeliver",
        expect(403, 403, 202, 202),
        setup=with_webhook,
    ),
    # OAuth apps and their installations: admins only, with a session
    Row("GET", f"{WS}/oauth-apps", MANAGERS),
    Row(
        "POST",
        f"{WS}/oauth-apps",
        MANAGERS_CREATE,
        {"name": "Timesheets", "redirect_uris": ["https://timesheets.example.com/cb"]},
    ),
    Row("DELETE", f"{WS}/oauth-apps/{{oauth_app}}", MANAGERS_DELETE, setup=with_oauth_app),
    Row("GET", f"{WS}/oauth-installations", MANAGERS, setup=with_oauth_app),
    Row(
        "DELETE",
        f"{WS}/oauth-installations/{{installation}}",
        MANAGERS_DELETE,
        setup=with_oauth_app,
    ),
    # Projects
    Row("GET", f"{WS}/projects", ANYONE_IN_WORKSPACE),
    Row("GET", f"{WS}/insights", ANYONE_IN_WORKSPACE),
    Row("POST", f"{WS}/projects", CONTRIBUTORS_CREATE, {"key": "NEW", "name": "New"}),
    Row("GET", PROJECT, ANYONE_IN_WORKSPACE),
    Row("PATCH", PROJECT, MANAGERS, {"name": "Renamed", "description": "Now with words."}),
    Row("PATCH", PROJECT, CONTRIBUTORS, {"name": "Renamed"}, member_leads, note="member leads"),
    Row("DELETE", PROJECT, MANAGERS_DELETE),
    Row("DELETE", PROJECT, MANAGERS_DELETE, setup=member_leads, note="member leads"),
    Row("POST", f"{PROJECT}/archive", MANAGERS),
    Row("POST", f"{PROJECT}/archive", CONTRIBUTORS, setup=member_leads, note="member leads"),
    Row("POST", f"{PROJECT}/unarchive", MANAGERS, setup=archived),
    Row("POST", f"{PROJECT}/unarchive", CONTRIBUTORS, setup=leads_archived, note="member leads"),
    Row("GET", f"{PROJECT}/members", ANYONE_IN_WORKSPACE),
    Row("POST", f"{PROJECT}/members", MANAGERS_CREATE, {"user_id": "{member}"}),
    Row(
        "POST",
        f"{PROJECT}/members",
        CONTRIBUTORS_CREATE,
        {"user_id": "{admin}"},
        member_leads,
        note="member leads",
    ),
    Row("DELETE", f"{PROJECT}/members/{{guest}}", MANAGERS_DELETE),
    Row(
        "DELETE",
        f"{PROJECT}/members/{{guest}}",
        CONTRIBUTORS_DELETE,
        setup=member_leads,
        note="member leads",
    ),
    # Workflow states
    Row("GET", f"{PROJECT}/states", ANYONE_IN_WORKSPACE),
    Row(
        "POST",
        f"{PROJECT}/states",
        MANAGERS_CREATE,
        {"name": "Review", "category": "started", "color": "#123456"},
    ),
    Row("POST", f"{PROJECT}/states/reorder", MANAGERS, reversed_states),
    Row("PATCH", f"{PROJECT}/states/{{state}}", MANAGERS, {"name": "Doing", "color": "#abcdef"}),
    Row("DELETE", f"{PROJECT}/states/{{empty_state}}", MANAGERS_DELETE),
    Row(
        "DELETE",
        f"{PROJECT}/states/{{todo_state}}?move_to={{state}}",
        MANAGERS_DELETE,
        note="moving its issues",
    ),
    Row(
        "POST",
        f"{PROJECT}/states",
        CONTRIBUTORS_CREATE,
        {"name": "Review", "category": "started", "color": "#123456"},
        member_leads,
        note="member leads",
    ),
    Row(
        "POST",
        f"{PROJECT}/states/reorder",
        CONTRIBUTORS,
        reversed_states,
        member_leads,
        note="member leads",
    ),
    Row(
        "PATCH",
        f"{PROJECT}/states/{{state}}",
        CONTRIBUTORS,
        {"name": "Doing"},
        member_leads,
        note="member leads",
    ),
    Row(
        "DELETE",
        f"{PROJECT}/states/{{empty_state}}",
        CONTRIBUTORS_DELETE,
        setup=member_leads,
        note="member leads",
    ),
    # Labels
    Row("GET", f"{PROJECT}/labels", ANYONE_IN_WORKSPACE),
    Row("GET", f"{PROJECT}/insights", ANYONE_IN_WORKSPACE),
    Row("POST", f"{PROJECT}/labels", CONTRIBUTORS_CREATE, {"name": "feature", "color": "#00ff00"}),
    Row("PATCH", f"{PROJECT}/labels/{{label}}", CONTRIBUTORS, {"name": "defect"}),
    Row("DELETE", f"{PROJECT}/labels/{{label}}", CONTRIBUTORS_DELETE),
    # Issues
    Row("GET", f"{PROJECT}/issues", ANYONE_IN_WORKSPACE),
    Row("GET", f"{PROJECT}/board", ANYONE_IN_WORKSPACE),
    Row(
        "POST",
        f"{PROJECT}/issues",
        CONTRIBUTORS_CREATE,
        {"title": "New issue", "priority": "high", "label_ids": ["{label}"]},
    ),
    Row(
        "POST",
        f"{PROJECT}/issues",
        expect(403, 409, 409, 409),
        {"title": "New issue"},
        archived,
        note="archived project",
    ),
    Row(
        "POST",
        f"{PROJECT}/issues/bulk-create",
        CONTRIBUTORS,
        {"issues": [{"title": "New issue", "label_ids": ["{label}"]}, {"title": "Second"}]},
    ),
    Row(
        "POST",
        f"{PROJECT}/issues/bulk-create",
        expect(403, 409, 409, 409),
        {"issues": [{"title": "New issue"}]},
        archived,
        note="archived project",
    ),
    Row("GET", f"{WS}/issues", ANYONE_IN_WORKSPACE),
    Row(
        "POST",
        f"{WS}/issues/bulk-update",
        CONTRIBUTORS,
        {"keys": ["{issue}"], "changes": {"priority": "urgent"}},
    ),
    Row("GET", ISSUE, ANYONE_IN_WORKSPACE),
    Row(
        "PATCH",
        ISSUE,
        CONTRIBUTORS,
        {"title": "Renamed", "assignee_ids": ["{member}"], "state_id": "{state}"},
    ),
    Row(
        "PATCH", ISSUE, expect(403, 409, 409, 409), {"title": "Renamed"}, archived, note="archived"
    ),
    Row("DELETE", ISSUE, CONTRIBUTORS_DELETE),
    Row("POST", f"{ISSUE}/move", CONTRIBUTORS, {"state_id": "{state}"}),
    Row("PUT", f"{ISSUE}/labels/{{label}}", CONTRIBUTORS),
    Row("DELETE", f"{ISSUE}/labels/{{label}}", CONTRIBUTORS),
    Row(
        "PUT",
        f"{ISSUE}/labels/{{label}}",
        expect(403, 409, 409, 409),
        setup=archived,
        note="archived",
    ),
    Row("PUT", f"{ISSUE}/assignees/{{member}}", CONTRIBUTORS),
    Row("DELETE", f"{ISSUE}/assignees/{{member}}", CONTRIBUTORS),
    Row("GET", f"{ISSUE}/activity", ANYONE_IN_WORKSPACE),
    Row("GET", f"{ISSUE}/relations", ANYONE_IN_WORKSPACE),
    Row("POST", f"{ISSUE}/relations", CONTRIBUTORS_CREATE, {"issue_key": "OPS-1"}),
    Row("DELETE", f"{ISSUE}/relations/OPS-1", CONTRIBUTORS_DELETE, setup=with_relation),
    # Comments: anyone who sees the issue comments; authors edit; authors and admins delete.
    Row("GET", f"{ISSUE}/comments", ANYONE_IN_WORKSPACE),
    Row("POST", f"{ISSUE}/comments", COMMENTERS, {"body": "Me too."}),
    Row(
        "PATCH",
        f"{ISSUE}/comments/{{comment}}",
        expect(403, 200, 403, 403),
        {"body": "Edited."},
        note="the member's comment",
    ),
    Row(
        "PATCH",
        f"{ISSUE}/comments/{{own_comment}}",
        expect(200, 200, 200, 200),
        {"body": "Edited."},
        with_own_comment,
        note="own comment",
    ),
    Row(
        "DELETE",
        f"{ISSUE}/comments/{{comment}}",
        expect(403, 204, 204, 204),
        note="the member's comment",
    ),
    Row(
        "DELETE",
        f"{ISSUE}/comments/{{own_comment}}",
        CONTRIBUTORS_DELETE | {"guest": 204},
        setup=with_own_comment,
        note="own comment",
    ),
]


# --- Machinery -----------------------------------------------------------------------------


class _Ids(dict):
    """Ids for paths and bodies; an id nobody set is a well-formed uuid that names nothing."""

    def __missing__(self, key: str) -> str:
        return NIL


def _fill(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return value.format_map(ids)
    if isinstance(value, list):
        return [_fill(item, ids) for item in value]
    if isinstance(value, dict):
        return {key: _fill(item, ids) for key, item in value.items()}
    return value


def make_ctx(world: World, actor: User | None, *, project: Project, issue: Issue) -> Ctx:
    states = list(State.objects.filter(project=project).order_by("position"))
    by_name = {state.name: str(state.id) for state in states}
    label = Label.objects.filter(project=project).order_by("created_at").first()
    comment = issue.comments.order_by("created_at").first()
    ids = _Ids(
        project=project.key,
        issue=issue.key,
        states=",".join(str(state.id) for state in states),
        state=by_name["In Progress"],
        todo_state=by_name["Todo"],
        empty_state=by_name["Canceled"],
        label=str(label.id) if label else NIL,
        comment=str(comment.id) if comment else NIL,
        notification="1",
        installation="1",
        actor=str(actor.id) if actor else NIL,
        **{role: str(getattr(world, role).id) for role in ROLES if role != "anonymous"},
    )
    return Ctx(world=world, actor=actor, project=project, issue=issue, ids=ids)


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row of every model of ours (and the event log), to compare before and after."""
    models = [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("docket.")
        for model in config.get_models(include_auto_created=True)
    ]
    assert Event in models
    return {
        model._meta.label: list(
            model._default_manager.using(router.db_for_write(model)).order_by("pk").values()
        )
        for model in models
    }


def send(client: APIClient, method: str, path: str, body: Any = None):
    if method in ("GET", "HEAD", "OPTIONS"):
        return client.generic(method, path)
    return getattr(client, method.lower())(path, body, format="json")


def check(client: APIClient, ctx: Ctx, row: Row, expected: int, who: str) -> tuple[str, Any]:
    """Send the row's request as `who`, assert the status and, on refusal, that it is a problem
    and changed nothing. Returns the path and body that were sent."""
    if row.setup is not None:
        row.setup(ctx)
    path = row.path.format_map(ctx.ids)
    body = row.body(ctx.ids) if callable(row.body) else _fill(row.body, ctx.ids)
    before = snapshot()

    response = send(client, row.method, path, body)

    what = f"{who}: {row.method} {path} -> {response.status_code} {response.content[:400]!r}"
    assert response.status_code == expected, what
    if expected >= 400:
        assert response["Content-Type"] == PROBLEM_CONTENT_TYPE, what
        if row.method != "HEAD":  # a HEAD answer has no body to read
            assert response.json().get("code"), what
    if expected >= 400 or row.unchanged:
        assert snapshot() == before, f"a refused request changed the database: {what}"
    return path, body


def problem(response) -> dict[str, Any]:
    """The problem body without what differs between any two requests."""
    body = response.json()
    body.pop("request_id", None)
    return body


def assert_same_as_missing(client: APIClient, method: str, path: str, body: Any, missing: str):
    """A 404 for something hidden reads exactly like the 404 for something that does not exist."""
    hidden = send(client, method, path, body)
    absent = send(client, method, missing, body)
    assert (absent.status_code, problem(absent)) == (hidden.status_code, problem(hidden))


def _all_patterns(resolver: URLResolver, prefix: str = ""):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _all_patterns(pattern, route)
        elif isinstance(pattern, URLPattern):
            yield route, pattern


def workspace_endpoints() -> set[tuple[str, str]]:
    """(route, METHOD) for every method every view under api/v1/workspaces implements."""
    endpoints = set()
    for route, pattern in _all_patterns(get_resolver()):
        if not route.startswith("api/v1/workspaces"):
            continue
        view_class = pattern.callback.view_class
        endpoints |= {(route, m.upper()) for m in METHODS if hasattr(view_class, m)}
    return endpoints


def row_endpoint(row: Row) -> tuple[str, str]:
    path = row.path.format_map(
        _Ids(project="ENG", issue="ENG-1", notification="1", installation="1")
    )
    path = path.split("?")[0]
    return resolve(path).route, row.method


# --- Tests -----------------------------------------------------------------------------------


def test_matrix_covers_every_endpoint():
    in_urlconf = workspace_endpoints()
    in_table = {row_endpoint(row) for row in MATRIX}
    assert in_urlconf, "no endpoints found under api/v1/workspaces"
    assert sorted(in_urlconf - in_table) == [], "endpoints without a row in MATRIX"
    assert sorted(in_table - in_urlconf) == [], "rows for endpoints that do not exist"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", MATRIX, ids=lambda row: row.id)
def test_access_matrix(world, as_user, row: Row, role: str):
    actor = world.user(role)
    ctx = make_ctx(world, actor, project=world.eng, issue=world.eng_issue)
    client = as_user(actor)

    path, body = check(client, ctx, row, row.expect[role], role)

    # Outsiders cannot tell acme from a workspace that does not exist.
    if role == "outsider" and path.startswith(f"{WS}/"):
        missing = path.replace(WS, f"{API}/workspaces/no-such-workspace")
        assert_same_as_missing(client, row.method, path, body, missing)


@pytest.mark.parametrize("role", ROLES)
def test_head_options_and_missing_methods_follow_the_same_rules(world, as_user, role: str):
    """HEAD answers like GET. Whoever may reach an endpoint gets its description from OPTIONS and
    a 405 for a method it lacks; everyone else gets the same 401 or 404 as for any method."""
    actor = world.user(role)
    client = as_user(actor)
    ctx = make_ctx(world, actor, project=world.eng, issue=world.eng_issue)
    refused = 401 if role == "anonymous" else 404
    # The rows the GET rows' paths name (a webhook and its delivery) exist before the snapshot.
    for row in MATRIX:
        if row.method == "GET" and row.setup is not None:
            row.setup(ctx)
    before = snapshot()

    for row in MATRIX:
        if row.method == "GET":
            check(client, ctx, replace(row, method="HEAD", setup=None), row.expect[role], role)
    one_path_per_route = {row_endpoint(row)[0]: row.path.split("?")[0] for row in MATRIX}
    for template in one_path_per_route.values():
        path = template.format_map(ctx.ids)
        view_class = resolve(path).func.view_class  # type: ignore[attr-defined]  # as_view()'s
        reachable = role != "anonymous" and (role != "outsider" or path == f"{API}/workspaces")
        lacking = [method.upper() for method in METHODS if not hasattr(view_class, method)]
        for method, status in [("OPTIONS", 200), *((method, 405) for method in lacking)]:
            response = send(client, method, path, {})
            what = f"{role}: {method} {path} -> {response.status_code} {response.content[:400]!r}"
            assert response.status_code == (status if reachable else refused), what
            if response.status_code >= 400:
                assert response["Content-Type"] == PROBLEM_CONTENT_TYPE, what
                assert response.json().get("code"), what

    assert snapshot() == before


PROJECT_ROWS = [row for row in MATRIX if "{project}" in row.path or "{issue}" in row.path]


@pytest.mark.parametrize("row", PROJECT_ROWS, ids=lambda row: row.id)
def test_guest_gets_404_for_a_project_they_were_not_added_to(world, as_user, row: Row):
    # OPS gets a label and a comment too, so every id in the guest's requests names a real row.
    owner, member = world.memberships[Role.OWNER], world.memberships[Role.MEMBER]
    label_create(access=access_of(owner), project=world.ops, name="ops", color="#010203")
    comment_create(access=access_of(member), issue=world.ops_issue, body="On call.")
    ctx = make_ctx(world, world.guest, project=world.ops, issue=world.ops_issue)
    client = as_user(world.guest)

    path, body = check(client, ctx, row, 404, "guest on OPS")

    missing = path.replace("/projects/OPS", "/projects/NOPE")
    missing = missing.replace("/issues/OPS-1", "/issues/NOPE-1")
    assert_same_as_missing(client, row.method, path, body, missing)


def test_guest_lists_leave_out_projects_they_were_not_added_to(world, as_user):
    client = as_user(world.guest)

    projects = client.get(f"{WS}/projects").json()["results"]
    issues = client.get(f"{WS}/issues").json()["results"]

    assert [project["key"] for project in projects] == ["ENG"]
    assert [issue["key"] for issue in issues] == ["ENG-1"]


# --- Ids from workspace `other` used under acme's URLs ----------------------------------------


def with_foreign_objects(ctx: Ctx) -> None:
    """Give `other` one of everything, and an issue key (ENG-2) that acme does not have."""
    world = ctx.world
    their = Membership.objects.get(workspace=world.other_workspace, user=world.outsider)
    project = world.other_project
    label = label_create(access=access_of(their), project=project, name="theirs", color="#000000")
    comment = comment_create(access=access_of(their), issue=world.other_issue, body="Private.")
    invitation, _token = invitation_create(
        access=access_of(their), email="theirs@example.com", role=Role.MEMBER
    )
    their_webhook, _secret = webhook_endpoint_create(
        access=access_of(their),
        url="https://hooks.example.com/theirs",
        event_types=["issue.updated"],
    )
    their_delivery = WebhookDelivery.objects.create(
        endpoint=their_webhook,
        event_id=Event.objects.order_by("-id").values_list("id", flat=True)[0],
        event_name="issue.updated",
        next_attempt_at=timezone.now() + datetime.timedelta(hours=1),
    )
    second = issue_create(access=access_of(their), project=project, title="Two")
    project_member_add(access=access_of(their), project=project, user_id=world.outsider.id)
    assert second.key == "ENG-2"
    state = State.objects.filter(project=project, name="In Progress").get()
    # And acme's other project, whose ids must not work under ENG's URLs either.
    owner = ctx.owner_membership
    ops_label = label_create(
        access=access_of(owner), project=world.ops, name="ops", color="#010203"
    )
    ops_comment = comment_create(access=access_of(owner), issue=world.ops_issue, body="On call.")
    ctx.ids.update(
        ops_state=str(State.objects.filter(project=world.ops, name="In Progress").get().id),
        ops_label=str(ops_label.id),
        ops_comment=str(ops_comment.id),
        their_state=str(state.id),
        their_label=str(label.id),
        their_comment=str(comment.id),
        their_invitation=str(invitation.id),
        their_issue_id=str(world.other_issue.id),
        their_webhook=str(their_webhook.id),
        their_delivery=str(their_delivery.id),
    )


def _body_keys(row: Row) -> str:
    return ",".join(row.body) if isinstance(row.body, dict) else ""


NOT_FOUND = expect(404, 404, 404, 404)
INVALID = expect(400, 400, 400, 400)
FOREIGN: list[Row] = [
    Row("PATCH", f"{PROJECT}/states/{{their_state}}", NOT_FOUND, {"name": "Mine now"}),
    Row("DELETE", f"{PROJECT}/states/{{their_state}}", NOT_FOUND),
    Row("PATCH", f"{PROJECT}/labels/{{their_label}}", NOT_FOUND, {"name": "Mine now"}),
    Row("DELETE", f"{PROJECT}/labels/{{their_label}}", NOT_FOUND),
    Row("PATCH", f"{ISSUE}/comments/{{their_comment}}", NOT_FOUND, {"body": "Mine now"}),
    Row("DELETE", f"{ISSUE}/comments/{{their_comment}}", NOT_FOUND),
    Row("DELETE", f"{WS}/invitations/{{their_invitation}}", NOT_FOUND),
    Row("GET", f"{WS}/webhooks/{{their_webhook}}", NOT_FOUND),
    Row("PATCH", f"{WS}/webhooks/{{their_webhook}}", NOT_FOUND, {"is_active": False}),
    Row("DELETE", f"{WS}/webhooks/{{their_webhook}}", NOT_FOUND),
    Row("POST", f"{WS}/webhooks/{{their_webhook}}/rotate-secret", NOT_FOUND),
    Row("GET", f"{WS}/webhooks/{{their_webhook}}/deliveries", NOT_FOUND),
    Row(
        "POST",
        f"{WS}/webhooks/{{their_webhook}}/deliveries/{{their_delivery}}/redeliver",
        NOT_FOUND,
    ),
    Row("PATCH", f"{WS}/members/{{outsider}}", NOT_FOUND, {"role": "guest"}),
    Row("DELETE", f"{WS}/members/{{outsider}}", NOT_FOUND),
    Row("DELETE", f"{PROJECT}/members/{{outsider}}", NOT_FOUND),
    Row("GET", f"{WS}/issues/ENG-2", NOT_FOUND),
    Row("PATCH", f"{WS}/issues/ENG-2", NOT_FOUND, {"title": "Mine now"}),
    Row("DELETE", f"{WS}/issues/ENG-2", NOT_FOUND),
    Row("POST", f"{WS}/issues/ENG-2/move", NOT_FOUND, {"state_id": "{state}"}),
    Row("GET", f"{WS}/issues/ENG-2/activity", NOT_FOUND),
    Row("PUT", f"{WS}/issues/ENG-2/labels/{{their_label}}", NOT_FOUND),
    Row("DELETE", f"{WS}/issues/ENG-2/assignees/{{outsider}}", NOT_FOUND),
    # Ids in the path that are not the issue's project's: the same 404 as a missing one.
    Row("PUT", f"{ISSUE}/labels/{{their_label}}", NOT_FOUND),
    Row("DELETE", f"{ISSUE}/labels/{{their_label}}", NOT_FOUND),
    Row("PUT", f"{ISSUE}/labels/{{ops_label}}", NOT_FOUND),
    Row("DELETE", f"{ISSUE}/labels/{{ops_label}}", NOT_FOUND),
    Row("PUT", f"{ISSUE}/assignees/{{outsider}}", NOT_FOUND),
    Row("DELETE", f"{ISSUE}/assignees/{{outsider}}", NOT_FOUND),
    Row("GET", f"{WS}/issues/ENG-2/comments", NOT_FOUND),
    Row("POST", f"{WS}/issues/ENG-2/comments", NOT_FOUND, {"body": "Hello"}),
    Row("GET", f"{WS}/issues/ENG-2/relations", NOT_FOUND),
    Row("DELETE", f"{ISSUE}/relations/ENG-2", NOT_FOUND),
    Row("POST", f"{ISSUE}/relations", INVALID, {"issue_key": "ENG-2"}),
    Row("PATCH", f"{PROJECT}/states/{{ops_state}}", NOT_FOUND, {"name": "Mine now"}),
    Row("DELETE", f"{PROJECT}/labels/{{ops_label}}", NOT_FOUND),
    Row("DELETE", f"{ISSUE}/comments/{{ops_comment}}", NOT_FOUND),
    # Foreign ids in bodies are invalid input, never a link across tenants.
    Row("PATCH", ISSUE, INVALID, {"state_id": "{their_state}"}),
    Row("PATCH", ISSUE, INVALID, {"label_ids": ["{their_label}"]}),
    Row("PATCH", ISSUE, INVALID, {"assignee_ids": ["{outsider}"]}),
    Row("PATCH", ISSUE, INVALID, {"parent_id": "{their_issue_id}"}),
    Row("POST", f"{PROJECT}/issues", INVALID, {"title": "X", "state_id": "{their_state}"}),
    Row("POST", f"{PROJECT}/issues", INVALID, {"title": "X", "parent_id": "{their_issue_id}"}),
    Row("POST", f"{ISSUE}/move", INVALID, {"state_id": "{their_state}"}),
    Row(
        "POST",
        f"{ISSUE}/move",
        INVALID,
        {"state_id": "{todo_state}", "after_id": "{their_issue_id}"},
    ),
    Row("POST", f"{PROJECT}/states/reorder", INVALID, {"state_ids": ["{their_state}"]}),
    Row("DELETE", f"{PROJECT}/states/{{todo_state}}?move_to={{their_state}}", INVALID),
    Row("POST", f"{PROJECT}/members", INVALID, {"user_id": "{outsider}"}),
    Row("PATCH", PROJECT, INVALID, {"lead_id": "{outsider}"}),
    Row(
        "POST",
        f"{WS}/issues/bulk-update",
        expect(200, 200, 200, 200),
        {"keys": ["ENG-2"], "changes": {"title": "Mine now"}},
        unchanged=True,
    ),
    # In bulk bodies, each refused item is its own 400 and nothing is written.
    Row(
        "POST",
        f"{WS}/issues/bulk-update",
        expect(200, 200, 200, 200),
        {"keys": ["{issue}"], "changes": {"add_label_ids": ["{their_label}"]}},
        unchanged=True,
    ),
    Row(
        "POST",
        f"{WS}/issues/bulk-update",
        expect(200, 200, 200, 200),
        {"keys": ["{issue}"], "changes": {"add_assignee_ids": ["{outsider}"]}},
        unchanged=True,
    ),
    Row(
        "POST",
        f"{PROJECT}/issues/bulk-create",
        expect(200, 200, 200, 200),
        {
            "issues": [
                {"title": "X", "state_id": "{their_state}"},
                {"title": "X", "label_ids": ["{their_label}"]},
                {"title": "X", "assignee_ids": ["{outsider}"]},
                {"title": "X", "parent_id": "{their_issue_id}"},
            ]
        },
        unchanged=True,
    ),
]


@pytest.mark.parametrize("row", FOREIGN, ids=lambda row: f"{row.id} {_body_keys(row)}")
def test_ids_from_another_workspace_name_nothing(world, as_user, row: Row):
    ctx = make_ctx(world, world.admin, project=world.eng, issue=world.eng_issue)
    row = replace(row, setup=with_foreign_objects)

    check(as_user(world.admin), ctx, row, row.expect["admin"], "admin of acme")
