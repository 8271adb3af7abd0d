"""Every create answers 201 with the new resource's URL in `Location` (and issues their ETag),
and the schema documents those headers on every 201."""

import pytest
import yaml
from django.conf import settings

from docket.testing.factories import MembershipFactory
from docket.workspaces.models import Role

ACME = "/api/v1/workspaces/acme"
ISSUE = f"{ACME}/issues/ENG-1"
# A realtime ticket is a one-time secret, not a resource with a URL of its own.
CREATES_WITHOUT_A_RESOURCE = {"realtime_ticket_create"}


def _creates(world, newcomer_id):
    """(operation, who, path, body, the path Location must name given the answer's body)."""
    return [
        (
            "workspaces_create",
            "member",
            "/api/v1/workspaces",
            {"slug": "rocket", "name": "R"},
            lambda b: f"/api/v1/workspaces/{b['slug']}",
        ),
        (
            "projects_create",
            "member",
            f"{ACME}/projects",
            {"key": "WEB", "name": "Web"},
            lambda b: f"{ACME}/projects/{b['key']}",
        ),
        (
            "project_members_add",
            "admin",
            f"{ACME}/projects/OPS/members",
            {"user_id": str(newcomer_id)},
            lambda b: f"{ACME}/projects/OPS/members/{newcomer_id}",
        ),
        (
            "states_create",
            "admin",
            f"{ACME}/projects/ENG/states",
            {"name": "Review", "category": "started", "color": "#00ff00"},
            lambda b: f"{ACME}/projects/ENG/states/{b['id']}",
        ),
        (
            "labels_create",
            "member",
            f"{ACME}/projects/ENG/labels",
            {"name": "ui", "color": "#00ff00"},
            lambda b: f"{ACME}/projects/ENG/labels/{b['id']}",
        ),
        (
            "invitations_create",
            "admin",
            f"{ACME}/invitations",
            {"email": "n@example.com"},
            lambda b: f"{ACME}/invitations/{b['id']}",
        ),
        (
            "tokens_create",
            "member",
            "/api/v1/me/tokens",
            {"name": "bot", "workspace": "acme", "scope": "read"},
            lambda b: f"/api/v1/me/tokens/{b['id']}",
        ),
        (
            "issues_create",
            "member",
            f"{ACME}/projects/ENG/issues",
            {"title": "New"},
            lambda b: f"{ACME}/issues/{b['key']}",
        ),
        (
            "comments_create",
            "member",
            f"{ISSUE}/comments",
            {"body": "Noted."},
            lambda b: f"{ISSUE}/comments/{b['id']}",
        ),
        (
            "issues_relations_create",
            "member",
            f"{ISSUE}/relations",
            {"issue_key": "OPS-1"},
            lambda b: f"{ISSUE}/relations/OPS-1",
        ),
        (
            "webhooks_create",
            "admin",
            f"{ACME}/webhooks",
            {"url": "https://hooks.example.com/x", "event_types": ["issue.updated"]},
            lambda b: f"{ACME}/webhooks/{b['id']}",
        ),
        (
            "auth_register",
            None,
            "/api/v1/auth/register",
            {"email": "r@example.com", "password": "a long passphrase 9", "display_name": "R"},
            lambda b: "/api/v1/me",
        ),
    ]


@pytest.mark.django_db
def test_every_create_answers_201_with_the_location_of_what_it_created(world, as_user, api):
    newcomer = MembershipFactory(workspace=world.workspace, role=Role.GUEST).user
    for operation, role, path, body, expected in _creates(world, newcomer.pk):
        client = api if role is None else as_user(world.user(role))
        response = client.post(path, body, format="json")
        assert response.status_code == 201, (operation, response.content)
        assert response["Location"] == expected(response.json()), operation


@pytest.mark.django_db
def test_an_issue_create_answers_what_a_get_of_the_issue_answers(world, as_user):
    client = as_user(world.member)
    created = client.post(f"{ACME}/projects/ENG/issues", {"title": "Tagged"}, format="json")

    read = client.get(created["Location"])

    assert created["ETag"] == read["ETag"]
    assert created.json() == read.json()
    # The tag protects the first edit like any other
    stale = created["ETag"]
    assert client.patch(created["Location"], {"title": "1"}, HTTP_IF_MATCH=stale).status_code == 200
    assert client.patch(created["Location"], {"title": "2"}, HTTP_IF_MATCH=stale).status_code == 412


def test_the_schema_documents_location_on_every_201():
    schema = yaml.safe_load((settings.REPO_DIR / "openapi" / "v1.yaml").read_text())
    documented: set[str] = set()
    undocumented: set[str] = set()
    for path_item in schema["paths"].values():
        for operation in path_item.values():
            created = operation.get("responses", {}).get("201")
            if created is None or operation["operationId"] in CREATES_WITHOUT_A_RESOURCE:
                continue
            target = documented if "Location" in created.get("headers", {}) else undocumented
            target.add(operation["operationId"])
    assert undocumented == set()
    assert {op for op, *_ in _creates(None, None)} <= documented
    issues_create = schema["paths"][
        "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues"
    ]
    assert "ETag" in issues_create["post"]["responses"]["201"]["headers"]
