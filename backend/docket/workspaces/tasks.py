"""Invitation email task: it takes the delivery's id, and sending is claimed, so retries and
redeliveries never send an invitation twice while its sender lives (docket.core.mail)."""

from celery import Task, shared_task

from docket.core.mail import EMAIL_TASK_OPTIONS
from docket.workspaces.services import invitation_email_send


@shared_task(name="docket.send_invitation_email", **EMAIL_TASK_OPTIONS)
def send_invitation_email(self: Task, delivery_id: int) -> str:
    return invitation_email_send(delivery_id=delivery_id)
