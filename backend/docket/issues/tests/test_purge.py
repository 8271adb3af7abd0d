"""The purge of a deleted project or workspace: batches of PURGE_BATCH_SIZE rows, each its own
transaction, resumable after a death mid-way, never touching a live project or another tenant,
and recording no event. In-process here; test_purge_worker.py runs it on a real worker."""

from __future__ import annotations

import datetime
import math

import pytest
from django.apps import apps
from django.db import router
from django.test import override_settings
from django.utils import timezone

from docket.core.models import Event
from docket.integrations.models import WebhookDelivery
from docket.integrations.services import plan_webhook_deliveries, webhook_endpoint_create
from docket.issues import purge
from docket.issues.models import Comment, Issue
from docket.issues.services import comment_create, issue_create
from docket.notifications.models import Notification, Reason
from docket.projects.models import Label, Project, ProjectMember, State
from docket.projects.services import project_delete
from docket.testing.world import World
from docket.workspaces.models import Invitation, Membership, Role, Workspace
from docket.workspaces.services import invitation_create, workspace_delete

pytestmark = pytest.mark.django_db(databases=["default", "replica", "analytics"])

BATCH = 2


def _snapshot() -> dict[str, dict]:
    """Every row of every table on the primary, by model and pk."""
    return {
        model._meta.label: {
            row["pk"]: row for row in model._default_manager.values("pk", *_columns(model))
        }
        for model in apps.get_models()
        if router.db_for_write(model) == "default" and model._meta.managed
    }


def _columns(model) -> list[str]:
    return [f.attname for f in model._meta.concrete_fields]


def _removed_and_changed(before: dict, after: dict) -> tuple[dict, dict]:
    removed = {label: set(rows) - set(after[label]) for label, rows in before.items()}
    changed = {
        label: [pk for pk, row in after[label].items() if before[label].get(pk) != row]
        for label in after
    }
    return (
        {label: pks for label, pks in removed.items() if pks},
        {label: pks for label, pks in changed.items() if pks},
    )


def _grow_eng(world: World, issues: int) -> None:
    """ENG with `issues` more issues, each with a comment, and a notification about ENG-1."""
    owner = world.access("owner")
    for n in range(issues):
        issue = issue_create(access=owner, project=world.eng, title=f"More {n}")
        comment_create(access=owner, issue=issue, body="Noted.")
    Notification.objects.create(
        workspace=world.workspace,
        recipient=world.member,
        event_id=Event.objects.latest("id").id,
        reason=Reason.COMMENTED,
        issue=world.eng_issue,
        project_id=world.eng.pk,
        issue_key="ENG-1",
        issue_title="First ENG issue",
    )


def _soft_delete_eng(world: World) -> None:
    project_delete(access=world.access("admin"), project=world.eng)


@override_settings(PURGE_BATCH_SIZE=BATCH)
def test_a_project_is_purged_in_batches_and_nothing_else_changes(world):
    # Given ENG with 5 issues (ENG-1 and 4 more), comments, a label and a notification, deleted
    _grow_eng(world, issues=4)
    _soft_delete_eng(world)
    before = _snapshot()
    events_before = Event.objects.count()

    # When it is purged
    progress = purge.project_purge(project_id=world.eng.pk)

    # Then its rows are gone in batches: the notification (1), the 5 issues (3), the project (1)
    assert progress.finished
    assert progress.batches == 1 + math.ceil(5 / BATCH) + 1
    assert not Project.objects.filter(pk=world.eng.pk).exists()
    assert not Issue.objects.filter(project_id=world.eng.pk).exists()
    assert not Comment.objects.filter(issue__project_id=world.eng.pk).exists()
    assert not Notification.objects.filter(project_id=world.eng.pk).exists()
    assert not State.objects.filter(project_id=world.eng.pk).exists()
    assert not Label.objects.filter(project_id=world.eng.pk).exists()
    assert not ProjectMember.objects.filter(project_id=world.eng.pk).exists()
    # And nothing else was removed or changed: OPS, the other tenant, the members, the log
    removed, changed = _removed_and_changed(before, _snapshot())
    assert changed == {}
    assert set(removed) == {
        "projects.Project",
        "projects.ProjectMember",
        "projects.State",
        "projects.Label",
        "issues.Issue",
        "issues.IssueLabel",
        "issues.Comment",
        "notifications.Notification",
    }
    assert removed["projects.Project"] == {world.eng.pk}
    assert Issue.objects.filter(pk__in=[world.ops_issue.pk, world.other_issue.pk]).count() == 2
    assert Event.objects.count() == events_before  # the purge records no event


@override_settings(PURGE_BATCH_SIZE=BATCH)
def test_a_purge_interrupted_mid_way_finishes_on_the_next_run(world, monkeypatch):
    # Given a deleted ENG whose purge died after one batch of issues
    _grow_eng(world, issues=4)
    _soft_delete_eng(world)
    assert purge._delete_batch(Issue.objects.filter(project_id=world.eng.pk)) == BATCH
    # and a run that ran out of time at once (it deletes nothing, and says it is not done)
    monkeypatch.setattr(purge, "PURGE_TIME_BUDGET_SECONDS", 0.0)
    assert not purge.project_purge(project_id=world.eng.pk).finished
    monkeypatch.undo()

    # When the purge runs again
    progress = purge.project_purge(project_id=world.eng.pk)

    # Then it finishes what was left, and a further run is a no-op
    assert progress.finished
    assert progress.summary()["batches"] == 1 + math.ceil(3 / BATCH) + 1
    assert not Project.objects.filter(pk=world.eng.pk).exists()
    assert not Issue.objects.filter(project_id=world.eng.pk).exists()
    again = purge.project_purge(project_id=world.eng.pk)
    assert (again.finished, again.batches) == (True, 0)


def test_a_live_project_or_workspace_is_never_purged(world):
    before = _snapshot()

    progress = purge.project_purge(project_id=world.eng.pk)
    workspace_progress = purge.workspace_purge(workspace_id=world.workspace.pk)

    assert (progress.finished, progress.batches) == (False, 0)
    assert (workspace_progress.finished, workspace_progress.batches) == (False, 0)
    assert _removed_and_changed(before, _snapshot()) == ({}, {})


@override_settings(PURGE_BATCH_SIZE=BATCH)
def test_a_workspace_is_purged_with_every_row_it_owns_and_the_other_tenant_stays(world):
    # Given acme with issues, an invitation, a webhook endpoint with deliveries, a notification
    _grow_eng(world, issues=3)
    owner = world.access("owner")
    invitation_create(access=owner, email="new@example.com", role=Role.MEMBER)
    webhook_endpoint_create(
        access=owner, url="https://example.com/hook", event_types=["issue.created"]
    )
    issue_create(access=owner, project=world.ops, title="Heard by the webhook")
    plan_webhook_deliveries(list(Event.objects.filter(workspace_id=world.workspace.pk)))
    assert WebhookDelivery.objects.exists()
    workspace_delete(access=owner, workspace=world.workspace)
    before = _snapshot()

    # When it is purged
    progress = purge.workspace_purge(workspace_id=world.workspace.pk)

    # Then nothing of acme is left, the other tenant is untouched, and the log stays
    assert progress.finished
    assert progress.batches > 5
    assert not Workspace.objects.filter(pk=world.workspace.pk).exists()
    for model in (Project, Issue, Comment, Membership, Invitation, Notification):
        assert not model.objects.filter(workspace_id=world.workspace.pk).exists(), model
    assert not WebhookDelivery.objects.exists()
    removed, changed = _removed_and_changed(before, _snapshot())
    assert changed == {}
    assert Workspace.objects.filter(pk=world.other_workspace.pk).exists()
    assert Issue.objects.filter(pk=world.other_issue.pk).exists()
    assert all(world.other_project.pk not in pks for pks in removed.values())
    assert Event.objects.filter(workspace_id=world.workspace.pk).exists()


def test_the_sweep_finds_deletions_whose_purge_is_overdue(world):
    # Given ENG deleted long ago and never purged, OPS deleted just now
    _soft_delete_eng(world)
    project_delete(access=world.access("admin"), project=world.ops)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    Project.objects.filter(pk=world.eng.pk).update(deleted_at=long_ago)
    # and the other workspace deleted long ago
    Workspace.objects.filter(pk=world.other_workspace.pk).update(deleted_at=long_ago)

    projects, workspaces = purge.purges_overdue()

    # Then the sweep asks again for ENG's and the other workspace's purge, not yet for OPS's
    assert projects == [world.eng.pk]
    assert workspaces == [world.other_workspace.pk]
