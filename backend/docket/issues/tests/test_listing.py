"""The database-built issue JSON is the serializers' JSON, field for field, whatever the data."""

import datetime
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.renderers import JSONRenderer

from docket.accounts.models import User
from docket.http.capabilities import ISSUE
from docket.issues.api.serializers import IssueListItem, IssueOutput
from docket.issues.listing import issues_json
from docket.issues.models import Issue, Priority
from docket.issues.selectors import issue_list
from docket.issues.services import issue_create
from docket.projects.services import label_create
from docket.testing.factories import UserFactory
from docket.testing.world import access_of, serializer_context
from docket.workspaces.models import Membership, Role

pytestmark = pytest.mark.django_db

AWKWARD = 'Quote " backslash \\ tab \t newline \n bell \x07 emoji 🦆 accents éà 中文 </script>'


def _context(world) -> dict:
    return serializer_context(access_of(world.memberships["member"]))


def _capabilities(world) -> dict[str, bool]:
    return ISSUE.of(access_of(world.memberships["member"]), None, token_scopes=None)


def _as_json(data) -> list:
    return json.loads(JSONRenderer().render(data))


def _varied_issues(world) -> list[Issue]:
    owner = access_of(world.memberships["owner"])
    twin_a, twin_b = (
        UserFactory(display_name="Same Name", email=f"twin{n}@example.com") for n in (1, 2)
    )
    for twin in (twin_a, twin_b):
        Membership.objects.create(workspace=world.workspace, user=twin, role=Role.MEMBER)
    labels = [
        label_create(access=owner, project=world.eng, name=name, color="#123456")
        for name in ("zeta", "alpha", "Mid")
    ]
    issues = [
        issue_create(
            access=owner,
            project=world.eng,
            title=AWKWARD,
            description=AWKWARD * 3,
            priority=priority.label,
            estimate=8 if index % 2 else None,
            due_date=datetime.date(2027, 1, 31) if index % 2 else None,
            assignee_ids=[twin_b.id, twin_a.id, world.member.id][: index % 4],
            label_ids=[label.id for label in labels][: index % 4],
            parent_id=world.eng_issue.id if index == 1 else None,
            external_ref=f"GH-{index} {AWKWARD[:40]}" if index % 2 else None,
        )
        for index, priority in enumerate(Priority)
    ]
    # A completed issue, a time with no microseconds, and a reporter who has left.
    Issue.objects.filter(pk=issues[0].pk).update(
        completed_at=datetime.datetime(2026, 3, 1, 12, 0, 0, tzinfo=datetime.UTC),
        created_at=datetime.datetime(2026, 2, 1, 0, 0, 0, 0, tzinfo=datetime.UTC),
    )
    gone = UserFactory()
    Issue.objects.filter(pk=issues[1].pk).update(reporter=gone)
    User.objects.filter(pk=gone.pk).delete()
    return issues


@pytest.mark.parametrize(
    ("serializer", "with_description"), [(IssueListItem, False), (IssueOutput, True)]
)
def test_every_field_of_every_issue_matches_the_serializer(world, serializer, with_description):
    issues = _varied_issues(world)
    ids = [world.eng_issue.pk, *(issue.pk for issue in reversed(issues))]
    by_id = {
        issue.pk: issue
        for issue in issue_list(access=access_of(world.memberships["owner"])).filter(pk__in=ids)
    }
    expected = _as_json(
        serializer([by_id[pk] for pk in ids], many=True, context=_context(world)).data
    )

    built = json.loads(
        issues_json(
            ids,
            capabilities=_capabilities(world),
            using="default",
            with_description=with_description,
        )
    )

    assert len(built) == len(ids)
    for mine, theirs in zip(built, expected, strict=True):
        assert list(mine) == list(theirs)  # the same fields, in the same order
        assert mine == theirs


def test_the_order_is_the_order_of_the_ids_and_unknown_ids_are_left_out(world):
    ids = [world.ops_issue.pk, world.other_issue.pk, world.eng_issue.pk]
    gone = uuid.UUID(int=1)
    built = json.loads(
        issues_json([*ids, gone], capabilities=_capabilities(world), using="default")
    )
    assert [item["id"] for item in built] == [str(pk) for pk in ids]
    assert issues_json([], capabilities=_capabilities(world), using="default") == "[]"


def test_an_issues_detail_runs_a_fixed_number_of_queries_whatever_it_holds(world, as_user):
    client = as_user(world.member)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v1/workspaces/acme/issues/ENG-1")
        assert response.status_code == 200
        return len(captured)

    bare = queries()
    owner = access_of(world.memberships["owner"])
    for name in ("one", "two", "three"):
        label = label_create(access=owner, project=world.eng, name=name, color="#000000")
        world.eng_issue.labels.add(label)
    world.eng_issue.assignees.add(world.owner, world.member, world.admin)
    # the user, the membership, the issue (with project and state), its JSON
    assert (bare, queries()) == (4, 4)


@pytest.mark.parametrize(
    ("serializer", "with_description"), [(IssueListItem, False), (IssueOutput, True)]
)
def test_the_text_is_the_serializers_json_written_with_postgresqls_spacing(
    world, serializer, with_description
):
    # Byte for byte: the answers' ETags digest this text, and clients may have cached them.
    issues = _varied_issues(world)
    ids = [world.eng_issue.pk, *(issue.pk for issue in issues)]
    by_id = {
        issue.pk: issue
        for issue in issue_list(access=access_of(world.memberships["owner"])).filter(pk__in=ids)
    }
    expected = json.dumps(
        _as_json(serializer([by_id[pk] for pk in ids], many=True, context=_context(world)).data),
        ensure_ascii=False,
        separators=(", ", " : "),
    )

    assert (
        issues_json(
            ids,
            capabilities=_capabilities(world),
            using="default",
            with_description=with_description,
        )
        == expected
    )


def test_a_write_answers_the_text_and_tag_a_read_of_the_same_state_gets(world, as_user):
    client = as_user(world.member)
    url = "/api/v1/workspaces/acme/issues/ENG-1"

    patched = client.patch(url, {"title": "Renamed", "label_ids": []})
    read = client.get(url)

    assert patched.status_code == read.status_code == 200
    assert patched.content == read.content
    assert patched["ETag"] == read["ETag"]
    assert patched["Content-Type"] == read["Content-Type"] == "application/json"
