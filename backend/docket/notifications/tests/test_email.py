"""Notification emails through a real worker to a real local SMTP server: each arrives, once
unless a sender died between the server's answer and our commit; none is lost to a crash or
to a server in trouble for a while."""

import datetime
import signal
import time

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import override_settings
from django.utils import timezone

from docket.core.models import DeliveryStatus, Event
from docket.issues.services import comment_create
from docket.notifications.models import EmailDelivery, Notification
from docket.notifications.services import (
    email_delivery_send,
    notification_preference_set,
    notify_for_events,
    subscription_set,
)
from docket.notifications.tasks import deliver_pending_emails, send_notification_email
from docket.testing.smtp import SmtpServer
from docket.testing.worker import (
    purge_queues,
    queue_length,
    start_worker,
    stop_worker,
    wait_for,
)

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


def _mail_worker(smtp: SmtpServer, **settings: str):
    return start_worker(
        queues="email",
        env={
            **smtp.env,
            "EMAIL_SWEEP_AFTER_SECONDS": "0",
            # A sender's claim on a mail runs out 2 s after it was taken (a dead sender's too).
            "EMAIL_CLAIM_SECONDS": "2",
            **settings,
        },
    )


def _deliveries(world, *bodies: str) -> list[EmailDelivery]:
    """One comment per body on ENG-1, which the owner follows, relayed."""
    subscription_set(access=world.access("owner"), issue=world.eng_issue, subscribed=True)
    mark = Event.objects.order_by("-id").values_list("id", flat=True).first()
    for body in bodies:
        comment_create(access=world.access("member"), issue=world.eng_issue, body=body)
    notify_for_events(list(Event.objects.filter(id__gt=mark).order_by("id")))
    return list(EmailDelivery.objects.filter(notification__event_id__gt=mark).order_by("pk"))


@transactional
def test_an_email_is_sent_once_through_a_refusal_a_retry_and_a_duplicate_task(world, smtp):
    # Given the owner's email for a comment, and a server that refuses the first try
    (delivery,) = _deliveries(world, "Looks good")
    purge_queues("email")  # planning enqueued sends; each test sends its own
    smtp.mailbox.refuse_next = 1
    worker = _mail_worker(smtp)

    # When it is enqueued twice (a duplicate ask, as after a lost acknowledgement)
    try:
        send_notification_email.delay(delivery.pk)
        send_notification_email.delay(delivery.pk)

        # Then it arrives once, after the retry, with its stable Message-ID
        wait_for(
            lambda: EmailDelivery.objects.get(pk=delivery.pk).status == DeliveryStatus.SENT,
            what="the delivery to be marked sent",
        )
    finally:
        stop_worker(worker)
    (message,) = smtp.mailbox.accepted
    assert message["To"] == "owner@example.com"
    assert message["Message-ID"] == f"<notification-{delivery.notification_id}@docket>"
    assert message["Subject"] == "[ENG-1] First ENG issue"
    assert EmailDelivery.objects.get(pk=delivery.pk).attempts == 2


@transactional
def test_a_worker_killed_mid_send_is_taken_back_and_the_mail_still_goes_once(world, smtp):
    # Given two emails; the server will hold the first one in flight
    held, waiting = _deliveries(world, "first", "second")
    purge_queues("email")  # planning enqueued sends; each test sends its own
    Notification.objects.filter(pk=held.notification_id).update(issue_title="HOLD ME")
    smtp.mailbox.hold_subject_containing = "HOLD ME"
    worker = _mail_worker(smtp)
    try:
        send_notification_email.delay(held.pk)
        assert smtp.mailbox.holding.wait(60)
    finally:
        # When the worker is killed mid-send (the server never answered it), and a new one
        # starts with beat's sweep running every half second
        stop_worker(worker, signal.SIGKILL)
    smtp.mailbox.hold_subject_containing = None
    smtp.mailbox.release.set()
    replacement = _mail_worker(smtp)
    try:

        def everything_sent() -> bool:
            deliver_pending_emails.delay()
            time.sleep(0.5)
            return not EmailDelivery.objects.filter(pk__in=[held.pk, waiting.pk]).exclude(
                status=DeliveryStatus.SENT
            )

        wait_for(everything_sent, seconds=60, what="both emails to be sent")
    finally:
        stop_worker(replacement)

    # Then the one in flight was taken back once its claim ran out and sent; each went out once,
    # with its stable Message-ID
    assert sorted(m["Message-ID"] for m in smtp.mailbox.accepted) == sorted(
        [
            f"<notification-{held.notification_id}@docket>",
            f"<notification-{waiting.notification_id}@docket>",
        ]
    )
    assert EmailDelivery.objects.get(pk=held.pk).attempts == 2


@transactional
def test_a_server_answering_451_for_a_while_loses_no_mail_and_starts_one_retry_chain(world, smtp):
    # Given ten emails, and a server that answers 451 to everything for the next 10 seconds
    deliveries = _deliveries(world, *(f"comment {n}" for n in range(10)))
    purge_queues("email")
    smtp.mailbox.refuse_until = time.monotonic() + 10
    # Short waits between tries (the schedule's shape, in seconds rather than hours)
    worker = _mail_worker(smtp, EMAIL_RETRY_DELAYS="1,2,4,8,16,32")
    try:
        for delivery in deliveries:
            send_notification_email.delay(delivery.pk)

        # When beat's sweep runs every half second meanwhile
        def everything_done() -> bool:
            deliver_pending_emails.delay()
            time.sleep(0.5)
            return not EmailDelivery.objects.filter(
                pk__in=[d.pk for d in deliveries],
                status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING],
            )

        wait_for(everything_done, seconds=90, what="every email to be sent or failed")
    finally:
        stop_worker(worker)

    # Then every mail arrived once, none failed, and each took a handful of tries (one chain
    # each: tries at 0, 1, 3, 7, 15 s however many sweeps ran)
    rows = EmailDelivery.objects.filter(pk__in=[d.pk for d in deliveries])
    assert sorted(r.status for r in rows) == [DeliveryStatus.SENT] * 10
    assert smtp.mailbox.refused >= 10
    message_ids = [m["Message-ID"] for m in smtp.mailbox.accepted]
    assert len(message_ids) == len(set(message_ids)) == 10
    assert max(r.attempts for r in rows) <= 6


@transactional
def test_a_permanent_refusal_is_recorded_with_the_servers_answer_and_not_retried(world, smtp):
    # Given an email the server refuses for good
    (delivery,) = _deliveries(world, "Nobody home")
    purge_queues("email")
    smtp.mailbox.refuse_next = 1
    smtp.mailbox.refusal = "550 5.1.1 No such user here"
    worker = _mail_worker(smtp)
    try:
        send_notification_email.delay(delivery.pk)
        wait_for(
            lambda: EmailDelivery.objects.get(pk=delivery.pk).status == DeliveryStatus.FAILED,
            what="the delivery to fail",
        )
        # When beat's sweep runs again and again
        for _ in range(4):
            deliver_pending_emails.delay()
            time.sleep(0.5)
    finally:
        stop_worker(worker)

    # Then it failed on the first try with what the server said, and was never tried again
    failed = EmailDelivery.objects.get(pk=delivery.pk)
    assert failed.last_error == "550 5.1.1 No such user here"
    assert failed.attempts == 1
    assert smtp.mailbox.refused == 1
    assert smtp.mailbox.accepted == []


@transactional
def test_the_sweep_enqueues_each_pending_email_once_however_often_it_runs(world):
    # Given five emails whose asks were lost (planned a while ago, nothing in the queue), and
    # no worker running
    deliveries = _deliveries(world, *(f"lost {n}" for n in range(5)))
    EmailDelivery.objects.filter(pk__in=[d.pk for d in deliveries]).update(
        created_at=timezone.now() - datetime.timedelta(hours=1)
    )
    purge_queues("email")
    try:
        # When beat's sweep runs ten times
        for _ in range(10):
            deliver_pending_emails()

        # Then the queue holds one task per pending email, not ten
        assert queue_length("email") == 5
    finally:
        purge_queues("email")


@pytest.mark.django_db
def test_no_email_is_planned_for_someone_who_turned_them_off(world):
    notification_preference_set(user=world.owner, email_enabled=False)
    assert _deliveries(world, "Quietly") == []
    assert Notification.objects.filter(recipient=world.owner).count() == 1


@pytest.mark.django_db
@override_settings(APP_BASE_URL="https://app.example.com")
def test_the_email_links_to_the_issue_in_its_workspace_in_the_app(world):
    # Given the owner's email for a comment on ENG-1 in acme
    (delivery,) = _deliveries(world, "Have a look")

    # When it is sent (the in-memory backend stands in for the SMTP server)
    assert email_delivery_send(delivery_id=delivery.pk) == "sent"

    # Then both parts link to the SPA's route for the issue
    (message,) = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    link = "https://app.example.com/w/acme/i/ENG-1"
    assert link in message.body
    assert f'href="{link}"' in str(message.alternatives[0][0])


def test_a_transient_failure_is_retried_for_more_than_a_day_before_a_mail_is_given_up(settings):
    # The default schedule, as a deployment gets it (the worker tests shorten it)
    delays = settings.EMAIL_RETRY_DELAYS
    assert sum(delays) >= 24 * 3600
    assert delays == sorted(delays)  # backing off, never hammering a server in trouble
