"""Every list endpoint runs a fixed number of queries, whatever the page size. Pinned here."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from docket.issues.services import comment_create, issue_create, issue_update
from docket.projects.services import label_create, project_create, project_member_add
from docket.testing.world import access_of
from docket.workspaces.models import Role
from docket.workspaces.services import invitation_create, workspace_create

pytestmark = pytest.mark.django_db

ACME = "/api/v1/workspaces/acme"
ISSUE = f"{ACME}/issues/ENG-1"

# Queries per request: 1 for the JWT's user, 1 for the membership (with its workspace), then
# the endpoint's own reads. Pinned exactly so a regression in either direction is noticed.
EXPECTED = {
    "/api/v1/workspaces": 2,
    f"{ACME}/members": 3,
    f"{ACME}/members?search=EXAMPLE": 3,
    f"{ACME}/invitations": 3,
    f"{ACME}/projects": 3,
    f"{ACME}/projects/ENG/members": 4,
    f"{ACME}/projects/ENG/states": 4,
    f"{ACME}/projects/ENG/labels": 4,
    f"{ACME}/projects/ENG/labels?search=X": 4,
    f"{ACME}/projects/ENG/issues": 5,
    f"{ACME}/issues": 4,
    f"{ISSUE}/comments": 4,
    f"{ISSUE}/activity": 4,
}


def _more_rows(world):
    owner = world.memberships["owner"]
    for n in range(5):
        project_create(access=access_of(owner), key=f"P{'ABCDE'[n]}", name=f"P{n}")
        label_create(access=access_of(owner), project=world.eng, name=f"x{n}", color="#010203")
        comment_create(access=access_of(owner), issue=world.eng_issue, body=f"c{n}")
        issue_update(access=access_of(owner), issue=world.eng_issue, title=f"t{n}")
        invitation_create(access=access_of(owner), email=f"i{n}@example.com", role=Role.MEMBER)
        workspace_create(actor=world.owner, slug=f"extra-{n}", name=f"Extra {n}")
        issue_create(
            access=access_of(owner),
            project=world.eng,
            title=f"i{n}",
            label_ids=[world.eng_label.id],
            assignee_ids=[world.owner.id],
        )
    for role in ("admin", "member"):
        project_member_add(
            access=access_of(owner),
            project=world.eng,
            user_id=world.memberships[role].user_id,
        )


def _queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.content)
    return len(captured), len(response.json()["results"])


@pytest.mark.parametrize("url", sorted(EXPECTED))
def test_list_endpoint_query_count_is_fixed(world, as_user, url):
    _more_rows(world)
    client = as_user(world.owner)
    joiner = "&" if "?" in url else "?"
    one, one_rows = _queries(client, f"{url}{joiner}limit=1")
    many, many_rows = _queries(client, f"{url}{joiner}limit=100")
    assert one_rows == 1
    assert many_rows > 1
    assert (one, many) == (EXPECTED[url], EXPECTED[url])
