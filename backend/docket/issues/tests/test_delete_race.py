"""Deleting an issue while the relay inserts a row that references it (a subscription, a
notification) never fails the deletion.

Found by the SDK's live suite: with a worker relaying after every commit, a DELETE answered 500.
The relay's subscription committed after the deletion had deleted the issue's subscriptions and
before its COMMIT, whose foreign-key check then found the new row. The deletion now locks the
issue FOR UPDATE, which the inserter's key-share check must wait for.
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import IntegrityError, connection, connections, transaction

from docket.issues.models import Issue
from docket.issues.services import issue_delete
from docket.notifications.models import Notification, Reason, Subscription

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)


def _lock_waits() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE wait_event_type = 'Lock' AND datname = current_database()"
        )
        return cursor.fetchone()[0]


def _until(condition, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return False


class Step(threading.Thread):
    """Runs `work` on its own connection and keeps what it raised."""

    def __init__(self, work) -> None:
        super().__init__(daemon=True)
        self.work = work
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.work()
        except BaseException as exc:  # noqa: BLE001 - kept for the test to assert on
            self.error = exc
        finally:
            connections.close_all()


@transactional
def test_a_subscription_committed_during_a_deletion_never_fails_the_deletion(world):
    issue = world.eng_issue
    # A notification about the issue: the deletion clears its link after it deleted the issue's
    # subscriptions, and before it deletes the issue row.
    notification = Notification.objects.create(
        workspace_id=issue.workspace_id,
        recipient=world.owner,
        event_id=1,
        reason=Reason.values[0],
        issue=issue,
        project_id=issue.project_id,
        issue_key=issue.key,
        issue_title=issue.title,
    )
    release, held = threading.Event(), threading.Event()

    # Given a transaction holding a lock on that notification, so the deletion pauses after its
    # cascade deleted the subscriptions it saw, before the issue row goes
    def hold_the_notification() -> None:
        with transaction.atomic():
            Notification.objects.select_for_update().get(pk=notification.pk)
            held.set()
            release.wait(30)

    holder = Step(hold_the_notification)
    holder.start()
    assert held.wait(20)
    deleter = Step(lambda: issue_delete(access=world.access("member"), issue=issue))
    deleter.start()
    assert _until(lambda: _lock_waits() == 1), "the deletion did not wait on the notification"

    # When the relay subscribes someone to the issue meanwhile, and commits
    def subscribe() -> None:
        with transaction.atomic():
            Subscription.objects.create(
                workspace_id=issue.workspace_id, issue_id=issue.pk, user=world.admin
            )

    relay = Step(subscribe)
    relay.start()
    # It either commits at once (a deletion that locks too weakly) or waits for the deletion.
    _until(lambda: not relay.is_alive() or _lock_waits() == 2, seconds=5)
    release.set()
    for step in (holder, deleter, relay):
        step.join(30)

    # Then the deletion went through, and the relay's insert is the one refused (it retries, and
    # skips the issue that is gone)
    assert deleter.error is None, deleter.error
    assert not Issue.objects.filter(pk=issue.pk).exists()
    assert isinstance(relay.error, IntegrityError)
    assert not Subscription.objects.filter(issue_id=issue.pk).exists()
