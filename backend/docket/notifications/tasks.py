"""Notification email tasks: they take ids, and sending is claimed, so retries and
redeliveries never send a mail twice."""

from celery import Task, shared_task

from docket.core.mail import EMAIL_TASK_OPTIONS
from docket.notifications.services import email_delivery_send, pending_email_deliveries
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
    return len(pending) + len(invitations)
