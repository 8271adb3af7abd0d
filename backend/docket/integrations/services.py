"""Webhooks: managing endpoints (admins), planning deliveries from the event log (the relay's
`webhooks` consumer) and sending them (the `webhooks` queue).

Endpoint changes are not tenant events: an endpoint's URL often carries a credential of the
receiver's (a chat hook's path), and every member reads the event log. They are logged instead.
"""

from __future__ import annotations

import datetime
import json
import random
import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import structlog
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from docket.core import metrics
from docket.core.access import Access
from docket.core.errors import ValidationFailed
from docket.core.events import consumes_every_type, registered_event_types
from docket.core.mail import NotToBeSent, mail_delivery_send, pending_mail_deliveries
from docket.core.models import Event
from docket.core.roles import Role
from docket.integrations.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookDisabledEmail,
    WebhookEndpoint,
)
from docket.integrations.signing import new_secret, signed_headers
from docket.integrations.transport import ReceiverRefused, post, url_problem
from docket.workspaces.models import Membership, Workspace

logger = structlog.get_logger(__name__)

MAX_ENDPOINTS_PER_WORKSPACE = 20
# After a rotation the previous secret keeps signing this long, beside the new one.
PREVIOUS_SECRET_LIFETIME = datetime.timedelta(hours=24)
# Every type may be delivered; each endpoint chooses among them (its `event_types`).
DELIVERED = consumes_every_type()


def webhook_event_type_names() -> list[str]:
    return sorted(event_type.name for event_type in registered_event_types())


# --- Endpoints (admins) -------------------------------------------------------------------------


def _valid_url(url: str) -> str:
    problem = url_problem(url)
    if problem:
        raise ValidationFailed.for_field("url", "url_not_allowed", problem)
    return url


def _valid_event_types(event_types: Sequence[str]) -> list[str]:
    known = set(webhook_event_type_names())
    unknown = sorted(set(event_types) - known)
    if unknown:
        raise ValidationFailed.for_field(
            "event_types", "unknown_event_type", f"Unknown event type: {unknown[0]}."
        )
    if not event_types:
        raise ValidationFailed.for_field("event_types", "required", "Name at least one event type.")
    return sorted(set(event_types))


def webhook_endpoint_create(
    *, access: Access, url: str, event_types: Sequence[str], description: str = ""
) -> tuple[WebhookEndpoint, str]:
    """Register a receiver of the workspace's events (admins and owners). Returns the endpoint
    and its signing secret, which is shown this once."""
    access.ensure_role(Role.ADMIN, action="manage webhooks")
    endpoint = WebhookEndpoint(
        workspace_id=access.workspace_id,
        url=_valid_url(url),
        description=description,
        event_types=_valid_event_types(event_types),
        secret=new_secret(),
        created_by=access.user,
    )
    with transaction.atomic():
        # The workspace row, not the endpoints: two creates at once then count one after the
        # other (locking the existing endpoints would let both miss the other's new row).
        Workspace.objects.select_for_update().filter(pk=access.workspace_id).first()
        existing = WebhookEndpoint.objects.filter(workspace_id=access.workspace_id)
        if existing.count() >= MAX_ENDPOINTS_PER_WORKSPACE:
            raise ValidationFailed.for_field(
                None,
                "too_many_webhooks",
                f"A workspace has at most {MAX_ENDPOINTS_PER_WORKSPACE} webhook endpoints.",
            )
        endpoint.save()
    logger.info("webhook_endpoint_created", endpoint=str(endpoint.pk), by=str(access.user_id))
    return endpoint, endpoint.secret


def webhook_endpoint_update(
    *, access: Access, endpoint: WebhookEndpoint, **changes: Any
) -> WebhookEndpoint:
    """Change an endpoint's URL, description, event types or activity (admins). Turning a
    disabled endpoint on again clears its failure streak; what was missed while it was off is
    not sent (redeliver from the log)."""
    access.ensure_role(Role.ADMIN, action="manage webhooks")
    access.ensure_in_workspace(endpoint)
    if "url" in changes:
        endpoint.url = _valid_url(changes["url"])
    if "event_types" in changes:
        endpoint.event_types = _valid_event_types(changes["event_types"])
    if "description" in changes:
        endpoint.description = changes["description"]
    if "is_active" in changes and changes["is_active"] != endpoint.is_active:
        endpoint.is_active = changes["is_active"]
        if endpoint.is_active:
            endpoint.disabled_at, endpoint.disabled_reason, endpoint.failing_since = None, "", None
        else:
            endpoint.disabled_at, endpoint.disabled_reason = (
                timezone.now(),
                "Turned off by an admin.",
            )
    endpoint.save()
    logger.info("webhook_endpoint_updated", endpoint=str(endpoint.pk), by=str(access.user_id))
    return endpoint


def webhook_endpoint_delete(*, access: Access, endpoint: WebhookEndpoint) -> None:
    """Remove an endpoint and its delivery log (admins)."""
    access.ensure_role(Role.ADMIN, action="manage webhooks")
    access.ensure_in_workspace(endpoint)
    endpoint.delete()
    logger.info("webhook_endpoint_deleted", endpoint=str(endpoint.pk), by=str(access.user_id))


def webhook_secret_rotate(*, access: Access, endpoint: WebhookEndpoint) -> str:
    """Give an endpoint a new secret (admins), shown this once. The current one keeps signing
    beside it for 24 hours; a second rotation within them retires the oldest at once."""
    access.ensure_role(Role.ADMIN, action="manage webhooks")
    access.ensure_in_workspace(endpoint)
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = timezone.now() + PREVIOUS_SECRET_LIFETIME
    endpoint.secret = new_secret()
    endpoint.save(
        update_fields=["secret", "previous_secret", "previous_secret_expires_at", "updated_at"]
    )
    logger.info("webhook_secret_rotated", endpoint=str(endpoint.pk), by=str(access.user_id))
    return endpoint.secret


def webhook_redeliver(*, access: Access, delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery again now, with the same `webhook-id` (admins): after a receiver was
    fixed, or to replay one it lost. A delivery being sent right now is left to finish."""
    access.ensure_role(Role.ADMIN, action="manage webhooks")
    access.ensure_in_workspace(delivery.endpoint)
    if not delivery.endpoint.is_active:
        raise ValidationFailed.for_field(
            None, "webhook_disabled", "Turn the endpoint on before redelivering."
        )
    now = timezone.now()
    WebhookDelivery.objects.filter(pk=delivery.pk).exclude(
        status=WebhookDeliveryStatus.SENDING, claimed_until__gt=now
    ).update(status=WebhookDeliveryStatus.PENDING, next_attempt_at=now, claimed_until=None)
    transaction.on_commit(lambda: enqueue_webhook_deliveries([delivery.pk]))
    delivery.refresh_from_db()
    return delivery


# --- Planning: the relay's consumer -------------------------------------------------------------


def plan_webhook_deliveries(batch: Sequence[Event]) -> None:
    """The `webhooks` consumer of the event log: one delivery per event and active endpoint
    subscribed to its type, planned in the relay's transaction (so exactly once) and sent once
    it commits. Endpoints get only events recorded after they were created. Three queries per
    batch, whatever its size."""
    events = DELIVERED.select(batch)
    workspace_ids = {event.workspace_id for event in events}
    endpoints: dict[uuid.UUID, list[WebhookEndpoint]] = {}
    for endpoint in WebhookEndpoint.objects.filter(
        # A deleted workspace's endpoints hear nothing more; the purge removes them.
        workspace_id__in=workspace_ids,
        is_active=True,
        workspace__deleted_at__isnull=True,
    ).only("id", "workspace_id", "event_types", "created_at"):
        endpoints.setdefault(endpoint.workspace_id, []).append(endpoint)
    if not endpoints:
        return
    now = timezone.now()
    planned = [
        WebhookDelivery(
            endpoint_id=endpoint.pk,
            event_id=event.id,
            event_name=event.name,
            next_attempt_at=now,
        )
        for event in events
        for endpoint in endpoints.get(event.workspace_id, ())
        if event.name in endpoint.event_types and event.created_at >= endpoint.created_at
    ]
    if not planned:
        return
    WebhookDelivery.objects.bulk_create(planned, ignore_conflicts=True)
    pending = list(
        WebhookDelivery.objects.filter(
            event_id__in={delivery.event_id for delivery in planned},
            status=WebhookDeliveryStatus.PENDING,
            attempts=0,
        ).values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: enqueue_webhook_deliveries(pending))


def enqueue_webhook_deliveries(delivery_ids: Sequence[uuid.UUID]) -> None:
    from docket.integrations.tasks import deliver_webhook

    try:
        for delivery_id in delivery_ids:
            deliver_webhook.delay(str(delivery_id))
    except Exception:
        # Beat's sweep sends what was not enqueued.
        logger.warning("webhooks_not_enqueued", exc_info=True)


def due_webhook_deliveries(*, limit: int = 1000) -> list[uuid.UUID]:
    """Deliveries whose time has come (a retry), whose ask was lost (a broker outage), or whose
    sender died mid-request (its claim ran out): beat enqueues these again."""
    now = timezone.now()
    return list(
        WebhookDelivery.objects.filter(next_attempt_at__lte=now)
        .filter(
            Q(status=WebhookDeliveryStatus.PENDING)
            | Q(status=WebhookDeliveryStatus.SENDING, claimed_until__lt=now)
        )
        .order_by("next_attempt_at")
        .values_list("pk", flat=True)[:limit]
    )


# --- Sending ------------------------------------------------------------------------------------


def webhook_payload(event: Event) -> dict[str, Any]:
    """The body of every delivery (Standard Webhooks' `type`, `timestamp`, `data`); `data` is
    the event as the change feed shows it."""
    actor = event.actor
    created_at = event.created_at.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    return {
        "type": event.name,
        "timestamp": created_at,
        "data": {
            "id": event.id,
            "name": event.name,
            "workspace_id": event.workspace_id,
            "project_id": event.project_id,
            "actor": (
                {"id": actor.pk, "display_name": actor.display_name, "email": actor.email}
                if actor is not None
                else None
            ),
            "subject_type": event.subject_type,
            "subject_id": event.subject_id,
            "subject_label": event.subject_label,
            "changes": event.changes,
            "created_at": created_at,
        },
    }


def _valid_secrets(endpoint: WebhookEndpoint, now: datetime.datetime) -> list[str]:
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret and expires is not None and expires > now:
        return [endpoint.secret, endpoint.previous_secret]
    return [endpoint.secret]


def _retry_delay(attempts: int) -> float | None:
    """Seconds until the next attempt after `attempts` failed ones, with ±10% jitter so
    deliveries that failed together do not come back together; None when they are used up."""
    delays: list[float] = settings.WEBHOOK_RETRY_DELAYS
    if attempts > len(delays):
        return None
    delay = delays[attempts - 1]
    return delay * random.uniform(0.9, 1.1)  # noqa: S311  # spreading load, not a secret


@dataclass(frozen=True)
class SendOutcome:
    result: str  # sent, failed (will retry), gave_up, skipped, cancelled
    retry_in: float | None = None


def webhook_delivery_send(*, delivery_id: uuid.UUID) -> SendOutcome:
    """Send one delivery if it is due and nobody else holds it; record the attempt; schedule the
    next one with exponential backoff (settings.WEBHOOK_RETRY_DELAYS: about 3 days in all) or
    give up; disable an endpoint that has failed for WEBHOOK_DISABLE_AFTER_SECONDS."""
    now = timezone.now()
    claim_seconds = settings.WEBHOOK_TIMEOUT_SECONDS * 3
    rows = WebhookDelivery.objects.filter(pk=delivery_id)
    claimed = (
        rows.filter(next_attempt_at__lte=now)
        .filter(
            Q(status=WebhookDeliveryStatus.PENDING)
            | Q(status=WebhookDeliveryStatus.SENDING, claimed_until__lt=now)
        )
        .update(
            status=WebhookDeliveryStatus.SENDING,
            claimed_until=now + datetime.timedelta(seconds=claim_seconds),
            attempts=F("attempts") + 1,
        )
    )
    if not claimed:
        return SendOutcome("skipped")
    delivery = rows.select_related("endpoint__workspace").get()
    endpoint = delivery.endpoint
    # The attempt count is the claim's fencing token: a sender whose claim ran out and was taken
    # over must not record over its successor.
    mine = rows.filter(status=WebhookDeliveryStatus.SENDING, attempts=delivery.attempts)
    event = Event.objects.select_related("actor").filter(pk=delivery.event_id).first()
    if endpoint.workspace.deleted_at is not None:
        mine.update(
            status=WebhookDeliveryStatus.FAILED, last_error="workspace deleted", claimed_until=None
        )
        return SendOutcome("cancelled")
    if not endpoint.is_active or event is None:
        reason = "endpoint disabled" if event else "event no longer exists"
        mine.update(status=WebhookDeliveryStatus.FAILED, last_error=reason, claimed_until=None)
        return SendOutcome("cancelled")

    body = json.dumps(webhook_payload(event), cls=DjangoJSONEncoder, separators=(",", ":"))
    headers = signed_headers(
        valid_secrets=_valid_secrets(endpoint, now),
        message_id=delivery.message_id,
        timestamp=int(time.time()),
        body=body.encode(),
    )
    started = time.monotonic()
    status_code: int | None = None
    error = ""
    answer_text = ""
    try:
        answer = post(
            endpoint.url,
            body=body.encode(),
            headers=headers,
            timeout=settings.WEBHOOK_TIMEOUT_SECONDS,
        )
        status_code, answer_text = answer.status_code, answer.body
        if not 200 <= status_code < 300:
            error = f"answered {status_code}"
    except ReceiverRefused as exc:
        error = f"refused: {exc}"
    except OSError as exc:
        error = repr(exc)
    finished, took = timezone.now(), time.monotonic() - started
    metrics.WEBHOOK_ATTEMPTS.labels(outcome="failed" if error else "delivered").inc()
    metrics.WEBHOOK_ATTEMPT_DURATION.observe(took)
    WebhookAttempt.objects.create(
        delivery_id=delivery.pk,
        attempted_at=now,
        duration_ms=int(took * 1000),
        status_code=status_code,
        error=error[:500],
        response_body=answer_text[:1000],
    )
    if not error:
        mine.update(
            status=WebhookDeliveryStatus.SUCCEEDED,
            delivered_at=finished,
            claimed_until=None,
            last_status_code=status_code,
            last_error="",
        )
        if endpoint.failing_since is not None:  # a success ends a failure streak
            WebhookEndpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
        return SendOutcome("sent")

    retry_in = _retry_delay(delivery.attempts)
    mine.update(
        status=WebhookDeliveryStatus.PENDING
        if retry_in is not None
        else WebhookDeliveryStatus.FAILED,
        next_attempt_at=finished + datetime.timedelta(seconds=retry_in or 0),
        claimed_until=None,
        last_status_code=status_code,
        last_error=error[:500],
    )
    logger.info(
        "webhook_attempt_failed",
        delivery=delivery.message_id,
        attempts=delivery.attempts,
        error=error[:200],
        retry_in=retry_in,
    )
    _note_failure(endpoint.pk, now=finished)
    if retry_in is None:
        return SendOutcome("gave_up")
    return SendOutcome("failed", retry_in=retry_in)


def _note_failure(endpoint_id: uuid.UUID, *, now: datetime.datetime) -> None:
    WebhookEndpoint.objects.filter(pk=endpoint_id, failing_since__isnull=True).update(
        failing_since=now
    )
    cutoff = now - datetime.timedelta(seconds=settings.WEBHOOK_DISABLE_AFTER_SECONDS)
    with transaction.atomic():
        disabled = WebhookEndpoint.objects.filter(
            pk=endpoint_id, is_active=True, failing_since__lte=cutoff
        ).update(
            is_active=False,
            disabled_at=now,
            disabled_reason="Every delivery failed for too long; turned off automatically.",
        )
        if disabled:
            _plan_disabled_emails(endpoint_id, disabled_at=now)
    if disabled:
        logger.warning("webhook_endpoint_disabled", endpoint=str(endpoint_id))


def _plan_disabled_emails(endpoint_id: uuid.UUID, *, disabled_at: datetime.datetime) -> None:
    endpoint = WebhookEndpoint.objects.get(pk=endpoint_id)
    admins = Membership.objects.filter(
        workspace_id=endpoint.workspace_id, role__in=[Role.ADMIN, Role.OWNER]
    ).values_list("user_id", flat=True)
    WebhookDisabledEmail.objects.bulk_create(
        [
            WebhookDisabledEmail(
                endpoint_id=endpoint_id, recipient_id=user_id, disabled_at=disabled_at
            )
            for user_id in admins
        ],
        ignore_conflicts=True,
    )
    planned = list(
        WebhookDisabledEmail.objects.filter(
            endpoint_id=endpoint_id, disabled_at=disabled_at
        ).values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: _enqueue_disabled_emails(planned))


def _enqueue_disabled_emails(delivery_ids: Sequence[int]) -> None:
    from docket.integrations.tasks import send_webhook_disabled_email

    try:
        for delivery_id in delivery_ids:
            send_webhook_disabled_email.delay(delivery_id)
    except Exception:
        logger.warning("email_not_enqueued", exc_info=True)


def _disabled_message(delivery: WebhookDisabledEmail) -> EmailMultiAlternatives:
    endpoint = delivery.endpoint
    if endpoint.is_active:
        raise NotToBeSent("the endpoint was turned on again")
    workspace = endpoint.workspace
    link = f"{settings.APP_BASE_URL}/w/{workspace.slug}/webhooks"
    body = (
        f"Docket stopped sending webhooks to {endpoint.url} in {workspace.name}: every delivery "
        f"to it failed for {settings.WEBHOOK_DISABLE_AFTER_SECONDS // 3600} hours or more.\n\n"
        f"The delivery log shows what it answered. Once the receiver works, turn the endpoint "
        f"on again and redeliver what it missed: {link}\n"
    )
    return EmailMultiAlternatives(
        subject=f"Webhook endpoint disabled in {workspace.name}"[:200],
        body=body,
        to=[delivery.recipient.email],
    )


def webhook_disabled_email_send(*, delivery_id: int) -> str:
    return mail_delivery_send(
        deliveries=WebhookDisabledEmail.objects.select_related("endpoint__workspace", "recipient"),
        delivery_id=delivery_id,
        compose=_disabled_message,
    )


def pending_webhook_disabled_emails() -> list[int]:
    return list(
        pending_mail_deliveries(WebhookDisabledEmail.objects.all()).values_list("pk", flat=True)
    )
