"""The daily digest: planned once a day for whoever wants it, sent once per person and date,
listing what is still unread and visible, by workspace."""

import datetime
import itertools

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from config.celery import app
from docket.core.models import DeliveryStatus
from docket.notifications.models import DigestDelivery, Notification, Reason
from docket.notifications.services import (
    DIGEST_LIMIT,
    digest_date,
    digest_send,
    digest_window,
    digests_plan,
    notification_preference_set,
)
from docket.notifications.tasks import plan_digests, send_digest
from docket.testing.factories import MembershipFactory
from docket.testing.smtp import SmtpServer
from docket.testing.worker import purge_queues, start_worker, stop_worker, wait_for
from docket.workspaces.models import Role

transactional = pytest.mark.django_db(
    transaction=True, databases=["default", "replica", "analytics"]
)
APP = "https://app.example.com"
_event_ids = itertools.count(10_000_000)


def _today() -> datetime.date:
    return digest_date(timezone.now())


def _notify(recipient, issue, *, actor, reason=Reason.COMMENTED, read=False, hours_in=1):
    """A notification as the relay would have made it, `hours_in` hours into today's window
    (negative: before it)."""
    notification = Notification.objects.create(
        workspace_id=issue.workspace_id,
        recipient=recipient,
        event_id=next(_event_ids),
        reason=reason,
        actor=actor,
        issue=issue,
        project_id=issue.project_id,
        issue_key=issue.key,
        issue_title=issue.title,
        read_at=timezone.now() if read else None,
    )
    start, _ = digest_window(_today())
    created_at = start + datetime.timedelta(hours=hours_in)
    Notification.objects.filter(pk=notification.pk).update(created_at=created_at)
    return notification


@transactional
def test_a_digest_goes_once_per_person_a_day_through_two_planning_runs_and_a_retry(world):
    # Given unread notifications for the owner and the member today
    _notify(world.owner, world.eng_issue, actor=world.member)
    _notify(world.member, world.eng_issue, actor=world.owner, reason=Reason.ASSIGNED)
    purge_queues("email")

    # When beat's planning runs twice (each run enqueues a send per person), and a worker sends
    assert plan_digests() == 2
    assert plan_digests() == 2
    with SmtpServer() as smtp:
        worker = start_worker(queues="email", env={**smtp.env, "APP_BASE_URL": APP})
        try:
            wait_for(
                lambda: (
                    set(DigestDelivery.objects.values_list("status", flat=True))
                    == {DeliveryStatus.SENT}
                ),
                what="both digests to be sent",
            )
            wait_for(lambda: _queued("email") == 0, what="every ask to be taken")
        finally:
            stop_worker(worker)  # a warm shutdown: the asks it holds finish first
        accepted = list(smtp.mailbox.accepted)

    # Then each got one digest, and a late retry of one sends nothing
    date = _today()
    assert sorted(m["To"] for m in accepted) == ["member@example.com", "owner@example.com"]
    assert {m["Message-ID"] for m in accepted} == {
        f"<digest-{world.owner.pk}-{date.isoformat()}@docket>",
        f"<digest-{world.member.pk}-{date.isoformat()}@docket>",
    }
    assert send_digest.apply(args=[str(world.owner.pk), date.isoformat()]).get() == "skipped"
    assert DigestDelivery.objects.filter(date=date).count() == 2
    assert plan_digests() == 0


def _queued(queue: str) -> int:
    """Tasks waiting in a queue of the (Redis) broker, not yet taken by a worker."""
    with app.connection_for_write() as broker:
        return broker.default_channel.client.llen(queue)


@pytest.mark.django_db
def test_planning_leaves_out_people_who_opted_out_and_what_is_read_or_older(world):
    # Given unread notifications today for the owner (who wants it), the admin (emails off)
    # and the member (digest off); the guest's is read, the outsider's is from yesterday
    _notify(world.owner, world.eng_issue, actor=world.member)
    _notify(world.admin, world.eng_issue, actor=world.member)
    _notify(world.member, world.eng_issue, actor=world.owner)
    _notify(world.guest, world.eng_issue, actor=world.owner, read=True)
    _notify(world.outsider, world.other_issue, actor=world.owner, hours_in=-1)
    notification_preference_set(user=world.admin, email_enabled=False)
    notification_preference_set(user=world.member, digest_enabled=False)

    # When today's digests are planned
    planned = digests_plan(date=_today())

    # Then only the owner's is
    assert planned == [world.owner.pk]
    assert list(DigestDelivery.objects.values_list("user_id", flat=True)) == [world.owner.pk]


@pytest.mark.django_db
def test_planning_takes_the_same_queries_for_one_person_or_many(world, django_assert_num_queries):
    _notify(world.owner, world.eng_issue, actor=world.member)
    with django_assert_num_queries(5):
        assert len(digests_plan(date=_today())) == 1
    DigestDelivery.objects.all().delete()

    for user in (world.admin, world.member, world.guest, world.outsider):
        _notify(user, world.eng_issue, actor=world.owner)
    with django_assert_num_queries(5):
        assert len(digests_plan(date=_today())) == 5


def _digest_of(user) -> EmailMultiAlternatives:
    assert digest_send(user_id=user.pk, date=_today()) == "sent"
    (message,) = mail.outbox
    assert isinstance(message, EmailMultiAlternatives)
    return message


@pytest.mark.django_db
def test_the_digest_groups_by_workspace_links_each_issue_and_tells_only_what_they_see(
    world, settings
):
    # Given the guest, also a member of workspace `other`, with unread notifications in both;
    # one about OPS (a project the guest may not see), one read, one for someone else
    settings.APP_BASE_URL = APP
    MembershipFactory(workspace=world.other_workspace, user=world.guest, role=Role.MEMBER)
    _notify(world.guest, world.eng_issue, actor=world.member, reason=Reason.MENTIONED)
    _notify(world.guest, world.other_issue, actor=world.outsider, reason=Reason.ASSIGNED)
    _notify(world.guest, world.ops_issue, actor=world.owner)
    _notify(world.guest, world.eng_issue, actor=world.owner, read=True)
    _notify(world.owner, world.eng_issue, actor=world.member)

    # When the guest's digest is sent
    message = _digest_of(world.guest)

    # Then it lists their two visible unread ones, by workspace, each with its link
    assert message.to == ["guest@example.com"]
    assert message.subject == "Docket digest: 2 unread notifications"
    text = message.body
    acme, other = text.index("\nAcme\n"), text.index("\nOther\n")
    assert acme < other
    assert (
        "- ENG-1 First ENG issue: Mentioned by Member\n  https://app.example.com/w/acme/i/ENG-1"
    ) in text[acme:other]
    assert (
        "- ENG-1 Theirs: Assigned by Outsider\n  https://app.example.com/w/other/i/ENG-1"
    ) in text[other:]
    assert "OPS-1" not in text
    assert text.count("https://app.example.com/w/") == 2
    html = str(message.alternatives[0][0])
    assert 'href="https://app.example.com/w/other/i/ENG-1"' in html
    assert "more." not in text


@pytest.mark.django_db
def test_the_digest_lists_at_most_fifty_and_says_how_many_more(world):
    for _ in range(DIGEST_LIMIT + 3):
        _notify(world.owner, world.eng_issue, actor=world.member)

    message = _digest_of(world.owner)

    assert message.subject == f"Docket digest: {DIGEST_LIMIT + 3} unread notifications"
    assert message.body.count("/w/acme/i/ENG-1") == DIGEST_LIMIT
    assert "...and 3 more." in message.body
    assert "and 3 more." in str(message.alternatives[0][0])


@pytest.mark.django_db
def test_a_digest_planned_then_turned_off_or_read_is_not_sent(world):
    # Given planned digests for the owner and the member
    _notify(world.owner, world.eng_issue, actor=world.member)
    mine = _notify(world.member, world.eng_issue, actor=world.owner)
    assert len(digests_plan(date=_today())) == 2

    # When the owner turns the digest off and the member reads theirs before the send
    notification_preference_set(user=world.owner, digest_enabled=False)
    Notification.objects.filter(pk=mine.pk).update(read_at=timezone.now())

    # Then neither is sent, and both deliveries are closed
    assert digest_send(user_id=world.owner.pk, date=_today()) == "cancelled"
    assert digest_send(user_id=world.member.pk, date=_today()) == "cancelled"
    assert mail.outbox == []
    assert set(DigestDelivery.objects.values_list("status", flat=True)) == {DeliveryStatus.FAILED}


def test_each_digest_covers_the_24_hours_to_the_configured_hour(settings):
    settings.DIGEST_HOUR_UTC = 7
    day = datetime.date(2026, 3, 2)
    start, end = digest_window(day)
    assert (start, end) == (
        datetime.datetime(2026, 3, 1, 7, tzinfo=datetime.UTC),
        datetime.datetime(2026, 3, 2, 7, tzinfo=datetime.UTC),
    )
    assert digest_date(end) == day
    assert digest_date(end - datetime.timedelta(seconds=1)) == datetime.date(2026, 3, 1)


def test_beat_plans_the_digests_daily_at_the_configured_hour():
    entry = settings.CELERY_BEAT_SCHEDULE["plan-digests"]
    schedule = entry["schedule"]
    assert entry["task"] == plan_digests.name
    assert isinstance(schedule, crontab)
    assert (schedule.hour, schedule.minute) == ({settings.DIGEST_HOUR_UTC}, {0})
    assert settings.DIGEST_HOUR_UTC == 7  # the default
