"""Webhook tasks, on their own `webhooks` queue (a slow receiver never delays the relay or
mail). They take ids; a delivery is claimed before it is sent, so a duplicate task is a no-op."""

from __future__ import annotations

import uuid

from celery import Task, shared_task

from docket.core.mail import EMAIL_TASK_OPTIONS
from docket.integrations.services import (
    due_webhook_deliveries,
    enqueue_webhook_deliveries,
    pending_webhook_disabled_emails,
    webhook_delivery_send,
    webhook_disabled_email_send,
)


@shared_task(name="docket.deliver_webhook", ignore_result=True)
def deliver_webhook(delivery_id: str) -> str:
    outcome = webhook_delivery_send(delivery_id=uuid.UUID(delivery_id))
    # The service says when the broker times the next try (short waits, an endpoint at its
    # cap); longer waits are the sweep's, so no worker holds far-off tasks in memory.
    if outcome.retry_in is not None:
        deliver_webhook.apply_async((delivery_id,), countdown=outcome.retry_in)
    return outcome.result


@shared_task(name="docket.deliver_due_webhooks", ignore_result=True)
def deliver_due_webhooks() -> int:
    """Beat's sweep: deliveries due for a retry or whose ask was lost (none already waiting in
    the broker), attempts whose sender died (recorded, backed off); and the disabled-endpoint
    emails whose ask was lost."""
    due = due_webhook_deliveries()
    enqueue_webhook_deliveries(due)
    emails = pending_webhook_disabled_emails()
    for delivery_id in emails:
        send_webhook_disabled_email.delay(delivery_id)
    return len(due) + len(emails)


@shared_task(name="docket.send_webhook_disabled_email", **EMAIL_TASK_OPTIONS)
def send_webhook_disabled_email(self: Task, delivery_id: int) -> str:
    return webhook_disabled_email_send(delivery_id=delivery_id)
