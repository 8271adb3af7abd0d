"""Notification email tasks: they take ids, and sending is claimed, so retries and
redeliveries never send a mail twice while its sender lives (docket.core.mail)."""

import datetime
import uuid

from celery import Task, shared_task
from django.utils import timezone

from docket.core.mail import EMAIL_TASK_OPTIONS
from docket.notifications.services import (
    digest_date,
    digest_send,
    digests_plan,
    email_delivery_send,
    pending_digests,
    pending_email_deliveries,
)
from docket.workspaces.services import pending_invitation_emails
from docket.workspaces.tasks import send_invitation_email


@shared_task(name="docket.send_notification_email", **EMAIL_TASK_OPTIONS)
def send_notification_email(self: Task, delivery_id: int) -> str:
    return email_delivery_send(delivery_id=delivery_id)


@shared_task(name="docket.deliver_pending_emails", ignore_result=True)
def deliver_pending_emails() -> int:
    """Beat's sweep of every kind of mail (notification and invitation emails live in two apps;
    this one sits above both): enqueue deliveries whose ask was lost."""
    pending = pending_email_deliveries()
    for delivery_id in pending:
        send_notification_email.delay(delivery_id)
    invitations = pending_invitation_emails()
    for delivery_id in invitations:
        send_invitation_email.delay(delivery_id)
    digests = pending_digests()
    for user_id, date in digests:
        send_digest.delay(str(user_id), date.isoformat())
    return len(pending) + len(invitations) + len(digests)


@shared_task(name="docket.plan_digests", ignore_result=True)
def plan_digests() -> int:
    """Beat's daily run: plan the digest whose window just closed, one send_digest per person.
    Running it again the same day plans nothing new."""
    return len(digests_plan(date=digest_date(timezone.now())))


@shared_task(name="docket.send_digest", **EMAIL_TASK_OPTIONS)
def send_digest(self: Task, user_id: str, date: str) -> str:
    return digest_send(user_id=uuid.UUID(user_id), date=datetime.date.fromisoformat(date))
