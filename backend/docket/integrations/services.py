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
from django.db import connection, transaction
from django.db.models import F, Q
from django.utils import timezone

from docket.core import metrics
from docket.core.access import Access
from docket.core.errors import ValidationFailed
from docket.core.events import consumes_every_type, registered_event_types
from docket.core.mail import (
    NotToBeSent,
    mail_delivery_send,
    pending_mail_deliveries,
    queue_lease_seconds,
)
from docket.core.models import Event
from docket.core.roles import Role
from docket.integrations.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookDisabledEmail,
    WebhookEndpoint,
)
from docket.integrations.permissions import ensure_can_manage_webhooks
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
    ensure_can_manage_webhooks(access)
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
    ensure_can_manage_webhooks(access)
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
    ensure_can_manage_webhooks(access)
    access.ensure_in_workspace(endpoint)
    endpoint.delete()
    logger.info("webhook_endpoint_deleted", endpoint=str(endpoint.pk), by=str(access.user_id))


def webhook_secret_rotate(*, access: Access, endpoint: WebhookEndpoint) -> str:
    """Give an endpoint a new secret (admins), shown this once. The current one keeps signing
    beside it for 24 hours; a second rotation within them retires the oldest at once."""
    ensure_can_manage_webhooks(access)
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
    ensure_can_manage_webhooks(access)
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
    """Ask a worker for each delivery, marking it queued first so the sweep does not ask again
    while the task waits in the broker."""
    from docket.integrations.tasks import deliver_webhook

    try:
        _mark_queued(delivery_ids, until=timezone.now())
        for delivery_id in delivery_ids:
            deliver_webhook.delay(str(delivery_id))
    except Exception:
        # Beat's sweep sends what was not enqueued, once the lease runs out.
        logger.warning("webhooks_not_enqueued", exc_info=True)


def _mark_queued(
    delivery_ids: Sequence[uuid.UUID], *, until: datetime.datetime, counted_down: bool = False
) -> None:
    lease = datetime.timedelta(seconds=queue_lease_seconds(counted_down=counted_down))
    if delivery_ids:
        WebhookDelivery.objects.filter(pk__in=delivery_ids).update(queued_until=until + lease)


def due_webhook_deliveries(*, limit: int = 1000) -> list[uuid.UUID]:
    """Beat's share: settle attempts whose sender died (its claim ran out), then return the
    deliveries that are due (new, or a retry's time has come) and have no task waiting in the
    broker, marked queued. However often it runs, the queue holds at most one task per pending
    delivery."""
    now = timezone.now()
    _settle_abandoned_attempts(now=now)
    with transaction.atomic():
        due = list(
            WebhookDelivery.objects.filter(
                status=WebhookDeliveryStatus.PENDING, next_attempt_at__lte=now
            )
            .filter(Q(queued_until__isnull=True) | Q(queued_until__lt=now))
            .order_by("next_attempt_at")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:limit]
        )
        _mark_queued(due, until=now)
    return due


ABANDONED = "no answer recorded: the sender died or was stopped during the attempt"


def _settle_abandoned_attempts(*, now: datetime.datetime, limit: int = 100) -> None:
    """An attempt whose sender died (killed, out of memory, a lost host) is a failed attempt
    like any other: logged, backed off, and counted towards disabling the endpoint."""
    claim = datetime.timedelta(seconds=_claim_seconds())
    abandoned = WebhookDelivery.objects.filter(
        status=WebhookDeliveryStatus.SENDING, claimed_until__lt=now
    ).values_list("pk", "endpoint_id", "attempts", "claimed_until")[:limit]
    for delivery_id, endpoint_id, attempts, claimed_until in abandoned:
        started = (claimed_until or now) - claim
        retry_in = _retry_delay(attempts)
        with transaction.atomic():
            # Fenced by the attempt count: settled once, even by two sweeps at a time.
            settled = WebhookDelivery.objects.filter(
                pk=delivery_id, status=WebhookDeliveryStatus.SENDING, attempts=attempts
            ).update(
                status=WebhookDeliveryStatus.PENDING
                if retry_in is not None
                else WebhookDeliveryStatus.FAILED,
                next_attempt_at=now + datetime.timedelta(seconds=retry_in or 0),
                claimed_until=None,
                queued_until=None,
                last_status_code=None,
                last_error=ABANDONED,
            )
            if not settled:
                continue
            WebhookAttempt.objects.create(
                delivery_id=delivery_id,
                attempted_at=started,
                duration_ms=int((now - started).total_seconds() * 1000),
                error=ABANDONED,
            )
        metrics.WEBHOOK_ATTEMPTS.labels(outcome="abandoned").inc()
        logger.warning(
            "webhook_attempt_abandoned",
            delivery=f"msg_{delivery_id.hex}",
            attempts=attempts,
            retry_in=retry_in,
        )
        _note_failure(endpoint_id, now=now)


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
    result: str  # sent, failed (will retry), gave_up, busy, skipped, cancelled
    # Set when the task should time the next try itself (a countdown); a later one is the
    # sweep's.
    retry_in: float | None = None


def _claim_seconds() -> float:
    """A sender's lease: the attempt's whole deadline and the bookkeeping around it. Past it,
    the sender is presumed dead."""
    return float(settings.WEBHOOK_TIMEOUT_SECONDS) * 3


# pg_advisory_xact_lock's first key: this lock's class (the second is the workspace's).
WEBHOOK_CLAIM_LOCK = 0x5EB0


def _claim(delivery_id: uuid.UUID, *, now: datetime.datetime) -> str:
    """Take a due delivery (pending -> sending, for a lease) unless its endpoint or workspace
    already has its cap of attempts in flight; then it is put off a moment (`busy`). Returns
    `claimed`, `busy` or `skipped` (not due, held by another sender, done, or gone)."""
    target = (
        WebhookDelivery.objects.filter(pk=delivery_id)
        .values_list("endpoint_id", "endpoint__workspace_id")
        .first()
    )
    if target is None:
        return "skipped"
    endpoint_id, workspace_id = target
    rows = WebhookDelivery.objects.filter(pk=delivery_id)
    due = rows.filter(status=WebhookDeliveryStatus.PENDING, next_attempt_at__lte=now)
    with transaction.atomic():
        # Claims in one workspace take turns, so its caps are counted exactly; other
        # workspaces' claims never wait on it.
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))",
                [WEBHOOK_CLAIM_LOCK, str(workspace_id)],
            )
        if not due.exists():
            return "skipped"
        in_flight = list(
            WebhookDelivery.objects.filter(
                status=WebhookDeliveryStatus.SENDING,
                claimed_until__gt=now,
                endpoint__workspace_id=workspace_id,
            ).values_list("endpoint_id", flat=True)
        )
        if (
            len(in_flight) >= settings.WEBHOOK_MAX_IN_FLIGHT_PER_WORKSPACE
            or in_flight.count(endpoint_id) >= settings.WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT
        ):
            later = now + datetime.timedelta(seconds=settings.WEBHOOK_BUSY_RETRY_SECONDS)
            due.update(next_attempt_at=later)
            # The task's countdown is its one ask.
            _mark_queued([delivery_id], until=later, counted_down=True)
            return "busy"
        due.update(
            status=WebhookDeliveryStatus.SENDING,
            claimed_until=now + datetime.timedelta(seconds=_claim_seconds()),
            queued_until=None,
            attempts=F("attempts") + 1,
        )
    return "claimed"


def webhook_delivery_send(*, delivery_id: uuid.UUID) -> SendOutcome:
    """Send one delivery if it is due, nobody else holds it and its endpoint and workspace are
    under their caps of attempts in flight; record the attempt (it has a deadline of
    settings.WEBHOOK_TIMEOUT_SECONDS, whatever the receiver does); schedule the next one with
    exponential backoff (settings.WEBHOOK_RETRY_DELAYS: about 3 days in all) or give up;
    disable an endpoint that has failed for WEBHOOK_DISABLE_AFTER_SECONDS."""
    now = timezone.now()
    claim = _claim(delivery_id, now=now)
    if claim == "busy":
        metrics.WEBHOOK_ATTEMPTS_DEFERRED.inc()
        return SendOutcome("busy", retry_in=settings.WEBHOOK_BUSY_RETRY_SECONDS)
    if claim == "skipped":
        return SendOutcome("skipped")
    rows = WebhookDelivery.objects.filter(pk=delivery_id)
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
    next_attempt_at = finished + datetime.timedelta(seconds=retry_in or 0)
    # Short waits are timed by the broker (the task's countdown is then this delivery's one
    # ask); longer ones (minutes to hours) by the sweep, so no worker holds far-off tasks.
    counted_down = retry_in is not None and retry_in <= settings.WEBHOOK_COUNTDOWN_MAX_SECONDS
    lease = datetime.timedelta(seconds=queue_lease_seconds(counted_down=True))
    mine.update(
        status=WebhookDeliveryStatus.PENDING
        if retry_in is not None
        else WebhookDeliveryStatus.FAILED,
        next_attempt_at=next_attempt_at,
        claimed_until=None,
        queued_until=next_attempt_at + lease if counted_down else None,
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
    return SendOutcome("failed", retry_in=retry_in if counted_down else None)


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
