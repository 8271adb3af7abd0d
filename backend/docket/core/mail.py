"""Sending each email at least once, for every kind of mail delivery (notifications,
invitations, digests): claim the row for a lease, compose, send, record.

The promise: a planned mail reaches the SMTP server unless the server refuses it for good (a 5xx
answer, recorded on the row) or keeps failing it for the whole retry schedule
(settings.EMAIL_RETRY_DELAYS, over a day and a half). A sender that dies mid-send leaves its claim
to run out (settings.EMAIL_CLAIM_SECONDS); the sweep then hands the mail out again. So a mail is
sent twice only when a sender died between the server's answer and our commit, and both copies
carry the delivery's stable Message-ID, so a mail client shows them as one.

Each delivery has one retry chain whatever the sweep does: a retry is either a countdown in the
broker (and the row's `queued_until` keeps the sweep off it) or left to the sweep, which
enqueues only rows that are due (`next_attempt_at`) and not already queued.

A kind of mail is a concrete `MailDelivery` model, a function that composes its message, and a
task on the `email` queue (with EMAIL_TASK_OPTIONS) that takes the delivery's id and calls
`mail_delivery_send`.
"""

from __future__ import annotations

import datetime
import random
import smtplib
from collections.abc import Callable
from typing import Any, TypeVar

import structlog
from celery import Task
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from docket.core import metrics
from docket.core.models import DeliveryStatus, MailDelivery

logger = structlog.get_logger(__name__)

D = TypeVar("D", bound=MailDelivery)


def max_email_attempts() -> int:
    return len(settings.EMAIL_RETRY_DELAYS) + 1


class EmailNotSentYet(Exception):
    """A transient SMTP failure: the delivery is pending again until `retry_in` seconds from now.
    `queued` says whether the task should time the retry itself (a countdown) or leave it to the
    sweep."""

    def __init__(self, error: str, *, retry_in: float, queued: bool) -> None:
        super().__init__(error)
        self.retry_in = retry_in
        self.queued = queued


class MailTask(Task):
    """The base of every email task: after a transient failure it retries with the countdown the
    delivery's schedule asks for, or leaves a far-off retry to the sweep. Never Celery's own
    retry limit: the row's attempts are the only count."""

    # None is Celery's "no limit"; passing None to retry() means "the task's limit" (3 by default).
    max_retries = None

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().__call__(*args, **kwargs)
        except EmailNotSentYet as exc:
            if not exc.queued:
                return "retrying later"
            raise self.retry(countdown=exc.retry_in) from exc


# Every email task's options (bind: the task is its first argument).
EMAIL_TASK_OPTIONS: dict[str, Any] = {"bind": True, "ignore_result": True, "base": MailTask}


def queue_lease_seconds(*, counted_down: bool) -> float:
    """How long past its due time a delivery marked queued is left to the task that was asked
    for it, before a sweep asks again. A task waiting in the broker may wait behind a backlog
    (DELIVERY_QUEUE_LEASE_SECONDS, longer than the broker's visibility timeout); a countdown is
    held by the worker that took it from the moment it was sent, so one that has not run shortly
    after its time died with that worker (DELIVERY_COUNTDOWN_GRACE_SECONDS) and the broker would
    only hand it back after its visibility timeout."""
    if counted_down:
        return settings.DELIVERY_COUNTDOWN_GRACE_SECONDS
    return settings.DELIVERY_QUEUE_LEASE_SECONDS


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


def _answer(exc: OSError) -> str:
    """What the server said, as it said it (`550 5.1.1 No such user`), for the row and the log."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return "; ".join(
            f"{recipient}: {code} {_text(message)}"
            for recipient, (code, message) in exc.recipients.items()
        )
    if isinstance(exc, smtplib.SMTPResponseException):
        return f"{exc.smtp_code} {_text(exc.smtp_error)}"
    return repr(exc)


def _text(message: bytes | str) -> str:
    return message.decode("utf-8", "replace") if isinstance(message, bytes) else message


def _retry_delay(attempts: int) -> float | None:
    """Seconds until the next try after `attempts` failed ones, with ±10% jitter so mails that
    failed together do not come back together; None when the schedule is used up."""
    delays: list[float] = settings.EMAIL_RETRY_DELAYS
    if attempts > len(delays):
        return None
    return delays[attempts - 1] * random.uniform(0.9, 1.1)  # noqa: S311  # spreading load


def _claim(deliveries: QuerySet[D], delivery_id: int) -> D | None:
    """Take a pending delivery whose time has come (pending -> sending, for a lease) so nobody
    else sends it; None if it is not due, another sender has it, or it is done."""
    now = timezone.now()
    due = deliveries.model._default_manager.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        pk=delivery_id,
        status=DeliveryStatus.PENDING,
    )
    claimed = due.update(
        status=DeliveryStatus.SENDING,
        claimed_at=now,
        claimed_until=now + datetime.timedelta(seconds=settings.EMAIL_CLAIM_SECONDS),
        queued_until=None,
        attempts=F("attempts") + 1,
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
    """Send one delivery of `deliveries` (a queryset carrying what `compose` reads) if it is due
    and nobody holds it. Returns what happened: `sent`; `skipped` (not due, held by another
    sender, or done); `cancelled` (`compose` raised NotToBeSent); or `failed` (a permanent
    refusal, recorded with the server's answer, or the retry schedule used up). Raises
    EmailNotSentYet after a transient failure, the delivery pending again until its next try."""
    delivery = _claim(deliveries, delivery_id)
    if delivery is None:
        return "skipped"
    # The attempt count fences the claim: a sender presumed dead whose delivery was handed out
    # again must not record over its successor.
    mine = deliveries.model._default_manager.filter(
        pk=delivery.pk, status=DeliveryStatus.SENDING, attempts=delivery.attempts
    )
    try:
        message = compose(delivery)
    except NotToBeSent as reason:
        mine.update(
            status=DeliveryStatus.FAILED, claimed_until=None, last_error=f"not sent: {reason}"[:500]
        )
        return "cancelled"
    message.extra_headers["Message-ID"] = delivery.message_id
    try:
        message.send()
    except OSError as exc:
        return _record_failure(mine, delivery, exc)
    mine.update(status=DeliveryStatus.SENT, sent_at=timezone.now(), claimed_until=None)
    metrics.EMAILS.labels(outcome="sent").inc()
    return "sent"


def _record_failure(mine: QuerySet[D], delivery: D, exc: OSError) -> str:
    answer = _answer(exc)
    retry_in = _retry_delay(delivery.attempts) if _transient(exc) else None
    if retry_in is None:
        mine.update(status=DeliveryStatus.FAILED, claimed_until=None, last_error=answer[:500])
        logger.warning(
            "email_failed",
            delivery=delivery.message_id,
            attempts=delivery.attempts,
            answer=answer[:200],
            permanent=not _transient(exc),
        )
        metrics.EMAILS.labels(outcome="failed").inc()
        return "failed"
    next_attempt_at = timezone.now() + datetime.timedelta(seconds=retry_in)
    queued = retry_in <= settings.EMAIL_COUNTDOWN_MAX_SECONDS
    lease = datetime.timedelta(seconds=queue_lease_seconds(counted_down=True))
    mine.update(
        status=DeliveryStatus.PENDING,
        claimed_until=None,
        next_attempt_at=next_attempt_at,
        # The countdown the task is about to start is this delivery's one retry chain.
        queued_until=next_attempt_at + lease if queued else None,
        last_error=answer[:500],
    )
    logger.info(
        "email_retrying",
        delivery=delivery.message_id,
        attempts=delivery.attempts,
        answer=answer[:200],
        retry_in=round(retry_in, 1),
    )
    metrics.EMAILS.labels(outcome="retrying").inc()
    raise EmailNotSentYet(answer, retry_in=retry_in, queued=queued) from exc


def expired_mail_claims(deliveries: QuerySet[D]) -> QuerySet[D]:
    """Deliveries held by a sender past its lease: it died mid-send (or its task failed on a
    database error after the SMTP server answered). Claims made before leases existed have no
    `claimed_until` and are judged by `claimed_at`."""
    now = timezone.now()
    lease = datetime.timedelta(seconds=settings.EMAIL_CLAIM_SECONDS)
    return deliveries.filter(status=DeliveryStatus.SENDING).filter(
        Q(claimed_until__lt=now) | Q(claimed_until__isnull=True, claimed_at__lt=now - lease)
    )


def pending_mail_deliveries(deliveries: QuerySet[D]) -> QuerySet[D]:
    """The sweep's share of `deliveries` (one kind of mail): take back claims whose sender died,
    then mark the deliveries that are due and have no task in the broker as queued and return
    them, for the caller to enqueue. A delivery planned in the last EMAIL_SWEEP_AFTER_SECONDS
    and never tried is left to the ask its planning sent. Never returns a delivery a task is
    waiting for, so the queue holds at most one task per pending delivery however often the
    sweep runs."""
    model = deliveries.model
    now = timezone.now()
    reclaimed = model._default_manager.filter(
        pk__in=expired_mail_claims(model._default_manager.all()).values("pk")[:1000]
    ).filter(status=DeliveryStatus.SENDING)
    for delivery_id, attempts, claimed_at in reclaimed.values_list("pk", "attempts", "claimed_at"):
        logger.warning(
            "email_claim_expired",
            kind=model._meta.label,
            delivery_id=delivery_id,
            attempts=attempts,
            claimed_at=claimed_at.isoformat() if claimed_at else None,
        )
    taken_back = reclaimed.update(
        status=DeliveryStatus.PENDING,
        claimed_until=None,
        next_attempt_at=now,
        queued_until=None,
        last_error="the sender's claim ran out (it died mid-send); sending again",
    )
    if taken_back:
        metrics.EMAILS.labels(outcome="reclaimed").inc(taken_back)
    cutoff = now - datetime.timedelta(seconds=settings.EMAIL_SWEEP_AFTER_SECONDS)
    with transaction.atomic():
        due = list(
            model._default_manager.filter(status=DeliveryStatus.PENDING)
            .filter(
                Q(next_attempt_at__isnull=True, created_at__lt=cutoff) | Q(next_attempt_at__lte=now)
            )
            .filter(Q(queued_until__isnull=True) | Q(queued_until__lt=now))
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:1000]
        )
        model._default_manager.filter(pk__in=due).update(
            queued_until=now + datetime.timedelta(seconds=settings.DELIVERY_QUEUE_LEASE_SECONDS)
        )
    return deliveries.filter(pk__in=due).order_by("pk")
