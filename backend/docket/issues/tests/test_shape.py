"""The issue has one shape: the serializers, the database's rendering and the history snapshot
all take their fields from docket.issues.shape, in its order."""

import datetime
import hashlib
import json

import pytest

from docket.core.models import Event
from docket.issues import events
from docket.issues.api.serializers import IssueListItem, IssueOutput
from docket.issues.listing import issue_detail_json, issue_items, issues_json
from docket.issues.models import Issue
from docket.issues.services import issue_create
from docket.issues.shape import (
    DETAIL_FIELDS,
    HISTORY_FIELDS,
    ISSUE_FIELDS,
    LIST_FIELDS,
    issue_snapshot,
    names,
)

pytestmark = pytest.mark.django_db


def _keys(text: str) -> list[str]:
    """An object's keys in the order they were written."""
    return [key for key, _ in json.loads(text, object_pairs_hook=lambda pairs: pairs)]


@pytest.fixture
def full_issue(world) -> Issue:
    """An issue with every field set: labels, assignees, a parent, dates, an external ref."""
    issue = issue_create(
        access=world.access("member"),
        project=world.eng,
        title="Everything set",
        description="All of it.",
        priority="high",
        estimate=3,
        due_date=datetime.date(2027, 5, 1),
        parent_id=world.eng_issue.id,
        assignee_ids=[world.member.id, world.admin.id],
        label_ids=[world.eng_label.id],
        external_ref="GH-7",
    )
    return Issue.objects.select_related("state", "parent__project").get(pk=issue.pk)


def test_the_field_list_names_each_field_once_and_the_list_is_the_detail_without_some():
    assert len(set(names(ISSUE_FIELDS))) == len(ISSUE_FIELDS)
    assert names(DETAIL_FIELDS) == names(ISSUE_FIELDS)
    listed = set(names(LIST_FIELDS))
    assert names(LIST_FIELDS) == [name for name in names(ISSUE_FIELDS) if name in listed]
    assert set(names(DETAIL_FIELDS)) - set(names(LIST_FIELDS)) == {"description"}


def test_a_field_rendered_as_its_column_is_a_column_of_the_model():
    columns = {field.name for field in Issue._meta.concrete_fields}
    plain = [field.name for field in ISSUE_FIELDS if field.rendered is None]
    assert plain
    assert set(plain) <= columns


# Any value of the right shape: what it is for whom is test_capabilities'.
GUEST_CAPABILITIES = {"edit": False, "move": False, "delete": False, "link": False, "comment": True}


def test_the_serializers_fields_are_the_field_list():
    assert list(IssueListItem().fields) == names(LIST_FIELDS)
    assert list(IssueOutput().fields) == names(DETAIL_FIELDS)


def test_the_database_renders_the_field_list_in_its_order(full_issue):
    listed = json.loads(
        issues_json([full_issue.pk], capabilities=GUEST_CAPABILITIES, using="default")
    )
    detail = issue_detail_json(full_issue.pk, capabilities=GUEST_CAPABILITIES, using="default")
    card = issue_items([full_issue.pk], capabilities=GUEST_CAPABILITIES, using="default")[
        full_issue.pk
    ]

    assert list(listed[0]) == names(LIST_FIELDS)
    assert _keys(card) == names(LIST_FIELDS)
    assert detail is not None
    assert _keys(detail[1]) == names(DETAIL_FIELDS)


def test_the_history_snapshot_records_the_fields_the_list_marks(world, full_issue):
    snapshot = issue_snapshot(
        full_issue, assignees=full_issue.assignees.all(), labels=full_issue.labels.all()
    )

    assert list(snapshot) == names(HISTORY_FIELDS)
    # The event types declare that same set, and issue.created recorded the snapshot (a
    # creation records every field that is not empty).
    assert set(events.IssueCreated.fields) == set(names(HISTORY_FIELDS))
    assert set(events.IssueUpdated.fields) == set(names(HISTORY_FIELDS))
    created = Event.objects.get(name=events.ISSUE_CREATED.name, subject_id=full_issue.pk)
    recorded = {key: change["new"] for key, change in created.changes.items()}
    assert recorded == {key: value for key, value in snapshot.items() if value is not None}


def test_the_etag_digests_the_body_as_sent(world, as_user, full_issue):
    response = as_user(world.member).get(f"/api/v1/workspaces/acme/issues/{full_issue.key}")

    digest = hashlib.sha256(response.content).hexdigest()[:16]
    resource = hashlib.sha256(full_issue.pk.bytes).hexdigest()[:12]
    assert response["ETag"] == f'"{full_issue.version}-{resource}-{digest}"'
