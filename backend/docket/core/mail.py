"""Sending one email exactly once, for every kind of mail delivery (notifications, invitations,
digests): claim the row, compose, send, record; transient SMTP failures retry with backoff.

A kind of mail is a concrete `MailDelivery` model, a function that composes its message, and a
task on the `email` queue that takes the delivery's id and calls `mail_delivery_send`.
"""

from __future__ import annotations

import datetime
import smtplib
from collections.abc import Callable
from typing import Any, TypeVar

import structlog
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import F, QuerySet
from django.utils import timezone

from docket.core import metrics
from docket.core.models import DeliveryStatus, MailDelivery

logger = structlog.get_logger(__name__)

D = TypeVar("D", bound=MailDelivery)

MAX_EMAIL_ATTEMPTS = 8


class EmailNotSentYet(Exception):
    """A transient SMTP failure: the delivery is pending again and the task retries later."""


# Every email task's retry policy: exponential backoff with jitter, up to the attempt cap.
EMAIL_TASK_OPTIONS: dict[str, Any] = {
    "bind": True,
    "ignore_result": True,
    "autoretry_for": (EmailNotSentYet,),
    "retry_backoff": 5,
    "retry_backoff_max": 600,
    "retry_jitter": True,
    "max_retries": MAX_EMAIL_ATTEMPTS - 1,
}


class NotToBeSent(Exception):
    """Raised by a composer when the mail has lost its reason (an invitation revoked, nothing
    left to tell): the delivery is closed unsent, with this as its last error."""


def _transient(exc: OSError) -> bool:
    """4xx answers, dropped connections and timeouts may pass later; 5xx answers will not."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _ in exc.recipients.values())
    if isinstance(exc, smtplib.SMTPResponseException):
        return 400 <= exc.smtp_code < 500
    return True  # disconnects, refused connections, timeouts (smtplib errors are OSErrors)


def _claim(deliveries: QuerySet[D], delivery_id: int) -> D | None:
    """Take a pending delivery (pending -> sending) so nobody else sends it; None if another
    sender has it or it is done."""
    pending = deliveries.model._default_manager.filter(
        pk=delivery_id, status=DeliveryStatus.PENDING
    )
    claimed = pending.update(
        status=DeliveryStatus.SENDING, claimed_at=timezone.now(), attempts=F("attempts") + 1
    )
    if not claimed:
        return None
    return deliveries.get(pk=delivery_id)


def mail_delivery_send(
    *,
    deliveries: QuerySet[D],
    delivery_id: int,
    compose: Callable[[D], EmailMultiAlternatives],
) -> str:
    """Send one delivery of `deliveries` (a queryset carrying what `compose` reads), at most
    once. Returns what happened: `sent`; `skipped` (not pending: sent, being sent, or failed);
    `cancelled` (`compose` raised NotToBeSent); or `failed` (a permanent refusal, or too many
    attempts). Raises EmailNotSentYet after a transient failure, the delivery pending again, for
    the task to retry."""
    delivery = _claim(deliveries, delivery_id)
    if delivery is None:
        return "skipped"
    rows = deliveries.model._default_manager.filter(pk=delivery.pk)
    try:
        message = compose(delivery)
    except NotToBeSent as reason:
        rows.update(status=DeliveryStatus.FAILED, last_error=f"not sent: {reason}"[:500])
        return "cancelled"
    message.extra_headers["Message-ID"] = delivery.message_id
    try:
        message.send()
    except OSError as exc:
        retry = _transient(exc) and delivery.attempts < MAX_EMAIL_ATTEMPTS
        rows.update(
            status=DeliveryStatus.PENDING if retry else DeliveryStatus.FAILED,
            last_error=repr(exc)[:500],
        )
        if not retry:
            logger.warning("email_failed", delivery=delivery.message_id, error=repr(exc))
            metrics.EMAILS.labels(outcome="failed").inc()
            return "failed"
        metrics.EMAILS.labels(outcome="retrying").inc()
        raise EmailNotSentYet(repr(exc)) from exc
    rows.update(status=DeliveryStatus.SENT, sent_at=timezone.now())
    metrics.EMAILS.labels(outcome="sent").inc()
    return "sent"


def pending_mail_deliveries(deliveries: QuerySet[D]) -> QuerySet[D]:
    """Deliveries still pending a while after they were planned: their ask was lost."""
    cutoff = timezone.now() - datetime.timedelta(seconds=settings.EMAIL_SWEEP_AFTER_SECONDS)
    return deliveries.filter(status=DeliveryStatus.PENDING, created_at__lt=cutoff).order_by("pk")[
        :1000
    ]
