"""Soft delete end to end: the request answers, a real Celery worker purges the rows in batches
(PURGE_BATCH_SIZE=2), and the relay's consumers hear the deletion once."""

from __future__ import annotations

import pytest

from docket.analytics.models import IssueFact
from docket.analytics.services import record_issue_facts
from docket.integrations.models import WebhookDelivery
from docket.integrations.services import plan_webhook_deliveries, webhook_endpoint_create
from docket.issues.models import Comment, Issue
from docket.issues.services import comment_create, issue_create
from docket.projects.models import Project
from docket.testing.relay import relay_everything
from docket.testing.worker import purge_queues, start_worker, stop_worker, wait_for
from docket.workspaces.models import Membership, Workspace

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)
WS = "/api/v1/workspaces/acme"


@pytest.fixture
def purge_worker():
    purge_queues()
    worker = start_worker(queues="default", env={"PURGE_BATCH_SIZE": "2"})
    try:
        yield worker
    finally:
        stop_worker(worker)


@transactional
def test_a_deleted_project_is_purged_by_the_worker_and_heard_of_once(world, as_user, purge_worker):
    # Given ENG with 6 issues and their comments, a webhook for deletions, and analytics facts
    owner = world.access("owner")
    for n in range(5):
        issue = issue_create(access=owner, project=world.eng, title=f"More {n}")
        comment_create(access=owner, issue=issue, body="Noted.")
    endpoint, _ = webhook_endpoint_create(
        access=owner,
        url="https://example.com/hook",
        event_types=["project.deleted", "issue.deleted"],
    )
    relay_everything("analytics", record_issue_facts)
    assert IssueFact.objects.filter(project_id=world.eng.pk).count() == 6
    eng_issues = list(Issue.objects.filter(project=world.eng).values_list("pk", flat=True))

    # When an admin deletes ENG
    assert as_user(world.admin).delete(f"{WS}/projects/ENG").status_code == 204

    # Then the worker purges it (6 issues: 3 batches, then the project)
    wait_for(lambda: not Project.objects.filter(pk=world.eng.pk).exists(), seconds=60, what="purge")
    assert not Issue.objects.filter(project_id=world.eng.pk).exists()
    assert not Comment.objects.filter(issue_id__in=eng_issues).exists()
    # and the rest of acme and the other tenant are untouched
    assert Issue.objects.filter(pk__in=[world.ops_issue.pk, world.other_issue.pk]).count() == 2
    # And the consumers hear of it once, even relayed again: one delivery, no issue.deleted
    for _ in range(2):
        relay_everything("webhooks", plan_webhook_deliveries)
        relay_everything("analytics", record_issue_facts)
    names = list(
        WebhookDelivery.objects.filter(endpoint=endpoint).values_list("event_name", flat=True)
    )
    assert names == ["project.deleted"]
    assert not IssueFact.objects.filter(project_id=world.eng.pk).exists()
    assert IssueFact.objects.filter(project_id=world.ops.pk).count() == 1


@transactional
def test_a_deleted_workspace_is_purged_by_the_worker(world, as_user, purge_worker):
    # When the owner deletes acme
    assert as_user(world.owner).delete(WS).status_code == 204

    # Then the worker purges every row of it, and the other tenant stays
    wait_for(
        lambda: not Workspace.objects.filter(pk=world.workspace.pk).exists(),
        seconds=60,
        what="purge",
    )
    assert not Membership.objects.filter(workspace_id=world.workspace.pk).exists()
    assert not Issue.objects.filter(workspace_id=world.workspace.pk).exists()
    assert Issue.objects.filter(pk=world.other_issue.pk).exists()
    assert Membership.objects.filter(workspace_id=world.other_workspace.pk).exists()
