"""Notification emails through a real worker to a real local SMTP server: each sent once."""

import signal

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.test import override_settings

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
from docket.testing.worker import purge_queues, start_worker, stop_worker, wait_for

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


def _mail_worker(smtp: SmtpServer):
    return start_worker(queues="email", env={**smtp.env, "EMAIL_SWEEP_AFTER_SECONDS": "0"})


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
def test_a_worker_killed_mid_send_sends_nothing_twice_and_the_rest_still_goes(world, smtp):
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
        # When the worker is killed mid-send, and a new one starts and beat's sweep runs
        stop_worker(worker, signal.SIGKILL)
    smtp.mailbox.release.set()
    replacement = _mail_worker(smtp)
    try:
        deliver_pending_emails.delay()
        wait_for(
            lambda: EmailDelivery.objects.get(pk=waiting.pk).status == DeliveryStatus.SENT,
            seconds=60,
            what="the waiting email",
        )
    finally:
        stop_worker(replacement)

    # Then the one whose send had not begun went out once; the one in flight was not resent
    assert [m["Message-ID"] for m in smtp.mailbox.accepted] == [
        f"<notification-{waiting.notification_id}@docket>"
    ]
    assert EmailDelivery.objects.get(pk=held.pk).status == DeliveryStatus.SENDING
    assert EmailDelivery.objects.get(pk=waiting.pk).status == DeliveryStatus.SENT


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
