"""Webhooks: endpoints a workspace's admins register, and one delivery per event and endpoint.

A delivery is planned by the relay (the `webhooks` consumer of the event log) in the same
transaction that advances its position, so each event becomes exactly one delivery per endpoint;
sending it is at-least-once (a receiver may see a delivery twice after a crash, always with the
same `webhook-id`, and deduplicates on it).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models

from docket.core.ids import uuid7
from docket.core.models import MailDelivery, mail_delivery_rules


class WebhookEndpoint(models.Model):
    """A receiver of the workspace's events. The secret signs every payload (Standard
    Webhooks); after a rotation the previous one keeps signing, beside the new one, until
    `previous_secret_expires_at`, so receivers can switch without losing a delivery.

    The secrets are kept as they are, not hashed: signing needs them. They are never shown again
    after creation or rotation."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    workspace = models.ForeignKey(
        "workspaces.Workspace", on_delete=models.CASCADE, related_name="webhook_endpoints"
    )
    url = models.URLField(max_length=2000)
    description = models.CharField(max_length=200, blank=True)
    # Names from the typed event registry; only these are delivered.
    event_types = ArrayField(models.CharField(max_length=64))
    secret = models.CharField(max_length=100)
    previous_secret = models.CharField(max_length=100, blank=True)
    previous_secret_expires_at = models.DateTimeField(null=True, blank=True)
    is_active = models.BooleanField(default=True)
    disabled_at = models.DateTimeField(null=True, blank=True)
    disabled_reason = models.CharField(max_length=200, blank=True)
    # Set by the first failed attempt after a success; cleared by the next success. An endpoint
    # failing for WEBHOOK_DISABLE_AFTER_SECONDS is disabled.
    failing_since = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["workspace"],
                name="webhook_endpoint_active_idx",
                condition=models.Q(is_active=True),
            ),
        ]

    def __str__(self) -> str:
        return f"webhook {self.url}"


class WebhookDeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SUCCEEDED = "succeeded", "Succeeded"
    FAILED = "failed", "Failed"


class WebhookDelivery(models.Model):
    """One event for one endpoint. Its id is the `webhook-id` every attempt carries."""

    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    endpoint = models.ForeignKey(
        WebhookEndpoint, on_delete=models.CASCADE, related_name="deliveries"
    )
    # A plain id, like the event log's own references: the event outlives nothing here.
    event_id = models.BigIntegerField()
    event_name = models.CharField(max_length=64)
    status = models.CharField(
        max_length=9,
        choices=WebhookDeliveryStatus.choices,
        default=WebhookDeliveryStatus.PENDING,
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField()
    # A sender holds a delivery (status `sending`) until then; past it, a sender that died
    # mid-request is presumed dead and the delivery is sent again (at least once).
    claimed_until = models.DateTimeField(null=True, blank=True)
    # A task for it sits in the broker until then (just planned, enqueued by the sweep, or a
    # retry's countdown): the sweep enqueues no other, so the queue holds one task per delivery.
    queued_until = models.DateTimeField(null=True, blank=True)
    last_status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["endpoint", "event_id"], name="webhook_delivery_once_per_event"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=WebhookDeliveryStatus.values),
                name="webhook_delivery_status_valid",
            ),
        ]
        indexes = [
            # The sweep: deliveries due, or held by a sender past its claim.
            models.Index(
                fields=["next_attempt_at"],
                name="webhook_delivery_due_idx",
                condition=models.Q(status__in=["pending", "sending"]),
            ),
            models.Index(fields=["endpoint", "-created_at"], name="webhook_delivery_log_idx"),
            # Attempts in flight, counted against the per-endpoint and per-workspace caps.
            models.Index(
                fields=["endpoint"],
                name="webhook_delivery_sending_idx",
                condition=models.Q(status="sending"),
            ),
        ]

    def __str__(self) -> str:
        return f"delivery of event {self.event_id} to {self.endpoint_id}: {self.status}"

    @property
    def message_id(self) -> str:
        return f"msg_{self.id.hex}"


class WebhookAttempt(models.Model):
    """One try of a delivery: the delivery log shows these, newest first."""

    id = models.BigAutoField(primary_key=True)
    delivery = models.ForeignKey(WebhookDelivery, on_delete=models.CASCADE, related_name="log")
    attempted_at = models.DateTimeField()
    duration_ms = models.PositiveIntegerField()
    # Null when no HTTP answer came (refused address, DNS failure, timeout, reset).
    status_code = models.PositiveSmallIntegerField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True)
    # The start of the receiver's answer, for the person debugging it.
    response_body = models.CharField(max_length=1000, blank=True)

    class Meta:
        indexes = [models.Index(fields=["delivery", "-id"], name="webhook_attempt_log_idx")]

    def __str__(self) -> str:
        return f"attempt of {self.delivery_id}: {self.status_code or self.error}"


class WebhookDisabledEmail(MailDelivery):
    """Tells one admin that an endpoint was disabled after failing too long (sent exactly once,
    see MailDelivery)."""

    endpoint = models.ForeignKey(WebhookEndpoint, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # Which disabling this tells about: an endpoint re-enabled and disabled again mails again.
    disabled_at = models.DateTimeField()

    class Meta:
        constraints, indexes = mail_delivery_rules(
            "webhook_disabled_email",
            constraints=[
                models.UniqueConstraint(
                    fields=["endpoint", "recipient", "disabled_at"],
                    name="webhook_disabled_email_once",
                )
            ],
            pending_index="webhook_disabled_email_pending",
        )

    def __str__(self) -> str:
        return f"webhook-disabled email to {self.recipient_id}: {self.status}"

    @property
    def message_id(self) -> str:
        return f"<webhook-disabled-{self.pk}@docket>"
