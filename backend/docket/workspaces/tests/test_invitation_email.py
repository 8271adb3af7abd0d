"""Invitation emails through a real worker to a real local SMTP server: each sent once, with a
link that accepts the invitation."""

import re

import pytest
from django.core import mail

from docket.core.mail_console import redact_link_tokens
from docket.core.models import DeliveryStatus
from docket.notifications.tasks import deliver_pending_emails
from docket.testing.factories import UserFactory
from docket.testing.smtp import SmtpServer
from docket.testing.worker import purge_queues, start_worker, stop_worker, wait_for
from docket.workspaces.models import Invitation, InvitationEmail, Membership, Role
from docket.workspaces.services import (
    _hash_token,
    invitation_accept,
    invitation_create,
    invitation_email_send,
    invitation_revoke,
    invitation_token,
)
from docket.workspaces.tasks import send_invitation_email

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)
ACME = "/api/v1/workspaces/acme"
APP = "https://app.example.com"


@pytest.fixture
def smtp():
    with SmtpServer() as server:
        yield server


def _mail_worker(smtp: SmtpServer):
    return start_worker(
        queues="email",
        env={**smtp.env, "EMAIL_SWEEP_AFTER_SECONDS": "0", "APP_BASE_URL": APP},
    )


def _settled(*deliveries: InvitationEmail) -> bool:
    statuses = InvitationEmail.objects.filter(pk__in=[d.pk for d in deliveries]).values_list(
        "status", flat=True
    )
    return DeliveryStatus.PENDING not in statuses and DeliveryStatus.SENDING not in statuses


def _part(message, index: int) -> str:
    """The plain-text (0) or HTML (1) part of a received email."""
    return message.get_payload()[index].get_payload(decode=True).decode()


def _text(message) -> str:
    return _part(message, 0)


@transactional
def test_an_invitation_is_emailed_once_with_a_link_that_accepts_it(world, smtp, as_user):
    # Given a worker sending to the local SMTP server
    purge_queues("email")
    worker = _mail_worker(smtp)
    try:
        # When an admin invites someone through the API (the commit enqueues the email)
        created = as_user(world.admin).post(
            f"{ACME}/invitations", {"email": "new.person@example.com", "role": "member"}
        )
        assert created.status_code == 201
        delivery = InvitationEmail.objects.get(invitation_id=created.json()["id"])
        wait_for(lambda: _settled(delivery), what="the invitation email")
    finally:
        stop_worker(worker)

    # Then one email arrived, saying who invited them where, as what, until when
    (message,) = smtp.mailbox.accepted
    assert message["To"] == "new.person@example.com"
    assert message["Subject"] == "Admin invited you to Acme on Docket"
    assert message["Message-ID"] == f"<invitation-{created.json()['id']}@docket>"
    text = _text(message)
    invitation = Invitation.objects.get(pk=created.json()["id"])
    assert "Admin invited you to join Acme on Docket as Member." in text
    assert f"{invitation.expires_at:%-d %B %Y, %H:%M} UTC" in text
    html = _part(message, 1)
    (link,) = re.findall(rf"{re.escape(APP)}/invite#token=[\w-]+", text)
    assert f'href="{link}"' in html

    # And the token in its link, posted by the invitee, makes them a member
    token = link.split("#token=", 1)[1]
    assert token == created.json()["token"]
    invitee = UserFactory(email="new.person@example.com")
    accepted = as_user(invitee).post("/api/v1/invitations/accept", {"token": token})
    assert accepted.status_code == 200, accepted.json()
    assert Membership.objects.get(workspace=world.workspace, user=invitee).role == Role.MEMBER
    assert InvitationEmail.objects.get(pk=delivery.pk).status == DeliveryStatus.SENT


@transactional
def test_an_invitation_revoked_before_its_email_went_out_is_not_sent(world, smtp):
    # Given an invitation whose email is enqueued, and then revoked before any worker ran
    purge_queues("email")
    invitation, _ = invitation_create(
        access=world.access("admin"), email="gone@example.com", role=Role.MEMBER
    )
    invitation_revoke(access=world.access("admin"), invitation=invitation)
    delivery = InvitationEmail.objects.get(invitation=invitation)

    # When a worker takes the enqueued task
    worker = _mail_worker(smtp)
    try:
        wait_for(lambda: _settled(delivery), what="the task to close the delivery")
    finally:
        stop_worker(worker)

    # Then nothing was sent, and the delivery says why
    assert smtp.mailbox.accepted == []
    closed = InvitationEmail.objects.get(pk=delivery.pk)
    assert closed.status == DeliveryStatus.FAILED
    assert closed.last_error == "not sent: the invitation was revoked or replaced"


@transactional
def test_reinviting_emails_the_new_invitation_only_even_when_the_sweep_sends(world, smtp):
    # Given an address invited twice (the second replaces the first), both asks lost
    first, _ = invitation_create(
        access=world.access("admin"), email="twice@example.com", role=Role.MEMBER
    )
    second, token = invitation_create(
        access=world.access("admin"), email="twice@example.com", role=Role.ADMIN
    )
    purge_queues("email")
    deliveries = list(InvitationEmail.objects.filter(invitation__in=[first, second]))
    assert len(deliveries) == 2

    # When beat's sweep finds them
    worker = _mail_worker(smtp)
    try:
        deliver_pending_emails.delay()
        wait_for(lambda: _settled(*deliveries), what="both deliveries to settle")
    finally:
        stop_worker(worker)

    # Then one email went out: the new invitation's, as admin, with the new token
    (message,) = smtp.mailbox.accepted
    assert message["Message-ID"] == f"<invitation-{second.pk}@docket>"
    assert f"{APP}/invite#token={token}" in _text(message)
    assert "as Admin." in _text(message)
    assert InvitationEmail.objects.get(invitation=first).status == DeliveryStatus.FAILED


@transactional
def test_an_invitation_email_goes_once_through_a_refusal_and_a_duplicate_task(world, smtp):
    # Given an invitation's email, and a server that answers 451 to the first try
    invitation, _ = invitation_create(
        access=world.access("admin"), email="patient@example.com", role=Role.GUEST
    )
    purge_queues("email")
    delivery = InvitationEmail.objects.get(invitation=invitation)
    smtp.mailbox.refuse_next = 1

    # When the task is enqueued twice (a duplicate ask, as after a lost acknowledgement)
    worker = _mail_worker(smtp)
    try:
        send_invitation_email.delay(delivery.pk)
        send_invitation_email.delay(delivery.pk)
        wait_for(
            lambda: InvitationEmail.objects.get(pk=delivery.pk).status == DeliveryStatus.SENT,
            what="the retried invitation email",
        )
    finally:
        stop_worker(worker)

    # Then it arrived once, on the second attempt
    assert [m["To"] for m in smtp.mailbox.accepted] == ["patient@example.com"]
    sent = InvitationEmail.objects.get(pk=delivery.pk)
    assert sent.attempts == 2
    assert "451" in sent.last_error


@pytest.mark.django_db
def test_the_token_is_rebuilt_from_the_row_and_only_its_hash_is_stored(world):
    # Given a new invitation
    invitation, token = invitation_create(
        access=world.access("admin"), email="hashed@example.com", role=Role.MEMBER
    )

    # Then the row, read back, rebuilds the token, and stores nothing but its hash and salt
    stored = Invitation.objects.get(pk=invitation.pk)
    assert invitation_token(stored) == token
    assert stored.token_hash == _hash_token(token)
    assert token not in {str(value) for value in stored.__dict__.values()}
    # And another invitation gets another token
    _, other_token = invitation_create(
        access=world.access("admin"), email="other@example.com", role=Role.MEMBER
    )
    assert other_token != token


@pytest.mark.django_db
def test_an_invitation_made_before_derived_tokens_is_accepted_but_not_emailed(world):
    # Given an invitation made the old way: a random token, its hash, no salt
    old_token = "made-before-the-salt-existed"
    invitation, _ = invitation_create(
        access=world.access("admin"), email="old@example.com", role=Role.MEMBER
    )
    Invitation.objects.filter(pk=invitation.pk).update(
        token_salt="", token_hash=_hash_token(old_token)
    )

    # When its email is sent, it is not (its link cannot be rebuilt) ...
    delivery = InvitationEmail.objects.get(invitation=invitation)
    assert invitation_email_send(delivery_id=delivery.pk) == "cancelled"
    assert mail.outbox == []

    # ... but its token still works
    invitee = UserFactory(email="old@example.com")
    membership = invitation_accept(actor=invitee, token=old_token)
    assert membership.workspace_id == world.workspace.pk


@pytest.mark.django_db
def test_the_local_console_mail_prints_no_working_invitation_link(world, as_user, settings, capsys):
    """The console backend (the local default) prints the mail with its token redacted: a
    terminal or a CI log never shows a link that makes its reader a member (issue 17)."""
    settings.EMAIL_BACKEND = "docket.core.mail_console.RedactingConsoleBackend"
    settings.APP_BASE_URL = APP
    created = as_user(world.admin).post(
        "/api/v1/workspaces/acme/invitations", {"email": "new.person@example.com"}
    )
    token = created.json()["token"]
    delivery = InvitationEmail.objects.get(invitation_id=created.json()["id"])

    invitation_email_send(delivery_id=delivery.pk)

    printed = capsys.readouterr().out
    assert "Admin invited you to join Acme on Docket" in printed
    assert f"{APP}/invite#token=[redacted]" in printed
    assert token not in printed
    # Links of the old shape, the token in the path, too.
    assert redact_link_tokens(f"{APP}/invite/{token}") == f"{APP}/invite/[redacted]"
