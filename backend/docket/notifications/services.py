"""Writes for subscriptions and notifications.

`notify_for_events` is the relay's notifications consumer: it runs inside the transaction that
advances its position, so a batch is turned into subscriptions and notifications exactly once
(and the unique (recipient, event) constraint holds even if it ran twice). Only people who may
see the issue (the project's audience) are ever subscribed or told, and nobody is told of their
own change.
"""

from __future__ import annotations

import datetime
import re
import uuid
from collections.abc import Sequence
from typing import Any

import structlog
from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone

from docket.accounts.models import User
from docket.core.access import Access
from docket.core.errors import NotFound
from docket.core.events import Change, consumes
from docket.core.mail import NotToBeSent, mail_delivery_send, pending_mail_deliveries
from docket.core.models import DeliveryStatus, Event
from docket.issues.events import (
    CommentCreated,
    IssueCreated,
    IssueMoved,
    IssueUpdated,
    UserRef,
)
from docket.issues.models import Comment, Issue
from docket.notifications.models import (
    DigestDelivery,
    EmailDelivery,
    Notification,
    NotificationPreference,
    Reason,
    Subscription,
)
from docket.notifications.selectors import notification_list, notification_preference_get
from docket.projects.access import accesses_of_user, project_audience
from docket.projects.models import Project
from docket.realtime.fanout import publish_notifications_changed

logger = structlog.get_logger(__name__)

# Issue events that can tell someone something.
NOTIFYING = consumes(IssueCreated, IssueUpdated, IssueMoved, CommentCreated)
# `@someone@example.com` in a comment mentions that member.
MENTION = re.compile(r"(?<![\w.+-])@([\w.+-]+@[\w-]+(?:\.[\w-]+)+)")
# When one event gives someone several reasons, the first of these is the one they are told.
REASON_ORDER = [Reason.ASSIGNED, Reason.MENTIONED, Reason.COMMENTED, Reason.STATE_CHANGED]


def _ids(refs: list[UserRef] | None) -> set[uuid.UUID]:
    return {uuid.UUID(ref["id"]) for ref in refs or []}


def _commented(event: Event) -> str | None:
    """The id of the comment a comment.created names."""
    if not CommentCreated.is_kind_of(event):
        return None
    comment_id = CommentCreated.changes_of(event).get("comment_id")
    return comment_id["new"] if comment_id else None


def _assignees_change(event: Event) -> Change[list[UserRef]] | None:
    for kind in (IssueCreated, IssueUpdated):
        if kind.is_kind_of(event):
            return kind.changes_of(event).get("assignees")
    return None


def _state_changed(event: Event) -> bool:
    """A change of state after the issue was created (a creation's state tells nobody)."""
    if IssueUpdated.is_kind_of(event):
        return "state" in IssueUpdated.changes_of(event)
    if IssueMoved.is_kind_of(event):
        return "state" in IssueMoved.changes_of(event)
    return False


class _Batch:
    """What one batch of events needs, loaded in a fixed number of queries."""

    def __init__(self, events: Sequence[Event]) -> None:
        self.issues = {
            issue.pk: issue
            for issue in Issue.objects.filter(
                pk__in={event.subject_id for event in events},
                # A deleted project's issues are gone for everyone (their rows await the purge).
                project__deleted_at__isnull=True,
                workspace__deleted_at__isnull=True,
            ).select_related("project")
        }
        comment_ids = [
            comment_id for comment_id in map(_commented, events) if comment_id is not None
        ]
        self.comments = {
            str(comment.pk): comment for comment in Comment.objects.filter(pk__in=comment_ids)
        }
        emails = {
            email.lower()
            for comment in self.comments.values()
            for email in MENTION.findall(comment.body)
        }
        self.users_by_email = (
            {user.email: user.pk for user in User.objects.filter(email__in=emails)}
            if emails
            else {}
        )
        self.subscribed: dict[tuple[uuid.UUID, uuid.UUID], bool] = {
            (issue_id, user_id): subscribed
            for issue_id, user_id, subscribed in Subscription.objects.filter(
                issue_id__in=list(self.issues)
            ).values_list("issue_id", "user_id", "subscribed")
        }
        self.new_subscriptions: list[Subscription] = []
        self._audiences: dict[uuid.UUID, set[uuid.UUID]] = {}

    def audience(self, issue: Issue) -> set[uuid.UUID]:
        if issue.project_id not in self._audiences:
            self._audiences[issue.project_id] = project_audience(
                workspace_id=issue.workspace_id, project_id=issue.project_id
            )
        return self._audiences[issue.project_id]

    def subscribe(self, issue: Issue, user_id: uuid.UUID) -> None:
        key = (issue.pk, user_id)
        if key in self.subscribed or user_id not in self.audience(issue):
            return  # an explicit unsubscribe stays
        self.subscribed[key] = True
        self.new_subscriptions.append(
            Subscription(workspace_id=issue.workspace_id, issue=issue, user_id=user_id)
        )

    def subscribers(self, issue: Issue) -> set[uuid.UUID]:
        return {
            user_id
            for (issue_id, user_id), on in self.subscribed.items()
            if issue_id == issue.pk and on
        }


def _reasons(batch: _Batch, event: Event, issue: Issue) -> dict[uuid.UUID, Reason]:
    """Who this event tells, and why; subscribing the people it involves on the way."""
    reasons: dict[uuid.UUID, list[Reason]] = {}

    def tell(user_ids: set[uuid.UUID], reason: Reason) -> None:
        for user_id in user_ids:
            reasons.setdefault(user_id, []).append(reason)

    commented = CommentCreated.is_kind_of(event)
    if event.actor_id and (commented or IssueCreated.is_kind_of(event)):
        batch.subscribe(issue, event.actor_id)
    assignees = _assignees_change(event)
    if assignees is not None:
        added = _ids(assignees["new"]) - _ids(assignees["old"])
        for user_id in added:
            batch.subscribe(issue, user_id)
        tell(added, Reason.ASSIGNED)
    if _state_changed(event):
        tell(batch.subscribers(issue), Reason.STATE_CHANGED)
    if commented:
        comment_id = _commented(event)
        comment = batch.comments.get(comment_id) if comment_id else None
        if comment is None:
            return {}  # deleted before we got to it: nothing left to tell
        mentioned = {
            batch.users_by_email[email.lower()]
            for email in MENTION.findall(comment.body)
            if email.lower() in batch.users_by_email
        }
        for user_id in mentioned:
            batch.subscribe(issue, user_id)
        tell(mentioned & batch.audience(issue), Reason.MENTIONED)
        tell(batch.subscribers(issue), Reason.COMMENTED)
    audience = batch.audience(issue)
    return {
        user_id: min(found, key=REASON_ORDER.index)
        for user_id, found in reasons.items()
        if user_id != event.actor_id and user_id in audience
    }


def notify_for_events(events: Sequence[Event]) -> None:
    """The notifications consumer of the event log (see the module docstring)."""
    relevant = NOTIFYING.select(events)
    if not relevant:
        return
    batch = _Batch(relevant)
    notifications = []
    for event in relevant:
        issue = batch.issues.get(event.subject_id)
        if issue is None:
            continue  # deleted since; its deletion is in the change feed
        for user_id, reason in _reasons(batch, event, issue).items():
            notifications.append(
                Notification(
                    workspace_id=issue.workspace_id,
                    recipient_id=user_id,
                    event_id=event.id,
                    reason=reason,
                    actor_id=event.actor_id,
                    issue=issue,
                    project_id=issue.project_id,
                    issue_key=issue.key,
                    issue_title=issue.title,
                )
            )
    Subscription.objects.bulk_create(batch.new_subscriptions, ignore_conflicts=True)
    Notification.objects.bulk_create(notifications, ignore_conflicts=True)
    _plan_emails(event_ids=[event.id for event in relevant])
    recipients: dict[uuid.UUID, set[uuid.UUID]] = {}
    for notification in notifications:
        recipients.setdefault(notification.workspace_id, set()).add(notification.recipient_id)
    for workspace_id, user_ids in recipients.items():
        _after_commit_tell(user_ids, workspace_id=workspace_id)


def _after_commit_tell(user_ids: set[uuid.UUID], *, workspace_id: uuid.UUID) -> None:
    """Live badges: these people's sockets hear that their notifications changed."""
    transaction.on_commit(
        lambda: publish_notifications_changed(user_ids, workspace_id=workspace_id)
    )


def _plan_emails(*, event_ids: list[int]) -> None:
    """An email delivery for each new notification whose recipient wants email, sent by the
    email queue once this transaction commits (and by the sweeper if that ask is lost)."""
    muted = NotificationPreference.objects.filter(email_enabled=False).values("user_id")
    unplanned = Notification.objects.filter(event_id__in=event_ids, email__isnull=True).exclude(
        recipient_id__in=muted
    )
    EmailDelivery.objects.bulk_create(
        (EmailDelivery(notification_id=pk) for pk in unplanned.values_list("pk", flat=True)),
        ignore_conflicts=True,
    )
    planned = list(
        EmailDelivery.objects.filter(
            notification__event_id__in=event_ids, status=DeliveryStatus.PENDING
        ).values_list("pk", flat=True)
    )
    if planned:
        transaction.on_commit(lambda: _enqueue_emails(planned))


def _enqueue_emails(delivery_ids: list[int]) -> None:
    from docket.notifications.tasks import send_notification_email

    try:
        for delivery_id in delivery_ids:
            send_notification_email.delay(delivery_id)
    except Exception:
        logger.warning("email_not_enqueued", exc_info=True)


# --- Sending ------------------------------------------------------------------------------------


def issue_link(*, workspace_slug: str, issue_key: str) -> str:
    """The issue's page in the app (the SPA's route /w/:workspace/i/:issue)."""
    return f"{settings.APP_BASE_URL}/w/{workspace_slug}/i/{issue_key}"


def _message(delivery: EmailDelivery) -> EmailMultiAlternatives:
    notification = delivery.notification
    if notification.workspace.deleted_at is not None:
        raise NotToBeSent("the workspace was deleted")
    if Project.objects.filter(pk=notification.project_id, deleted_at__isnull=False).exists():
        raise NotToBeSent("the project was deleted")
    context = {
        "notification": notification,
        "actor": notification.actor.display_name if notification.actor else "Someone",
        "what": {
            Reason.ASSIGNED: "assigned you to",
            Reason.MENTIONED: "mentioned you in",
            Reason.COMMENTED: "commented on",
            Reason.STATE_CHANGED: "changed the state of",
        }[Reason(notification.reason)],
        "link": issue_link(
            workspace_slug=notification.workspace.slug, issue_key=notification.issue_key
        ),
    }
    subject = f"[{notification.issue_key}] {notification.issue_title}"
    message = EmailMultiAlternatives(
        subject=subject[:200],
        body=render_to_string("notifications/email/notification.txt", context),
        to=[notification.recipient.email],
    )
    message.attach_alternative(
        render_to_string("notifications/email/notification.html", context), "text/html"
    )
    return message


def email_delivery_send(*, delivery_id: int) -> str:
    """Send one notification's email, at least once (see docket.core.mail.mail_delivery_send for
    what it returns and raises)."""
    return mail_delivery_send(
        deliveries=EmailDelivery.objects.select_related(
            "notification__recipient", "notification__actor", "notification__workspace"
        ),
        delivery_id=delivery_id,
        compose=_message,
    )


def pending_email_deliveries() -> list[int]:
    """Notification emails still pending a while after they were planned: their ask was lost."""
    return list(pending_mail_deliveries(EmailDelivery.objects.all()).values_list("pk", flat=True))


# --- The daily digest ---------------------------------------------------------------------------
# Each date's digest covers the 24 hours that end at DIGEST_HOUR_UTC that day, so every
# notification falls in exactly one digest whenever planning runs, and a rerun plans the same.

DIGEST_LIMIT = 50


def digest_window(date: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
    """The [start, end) of the notifications the digest of `date` tells about."""
    end = datetime.datetime.combine(
        date, datetime.time(hour=settings.DIGEST_HOUR_UTC), tzinfo=datetime.UTC
    )
    return end - datetime.timedelta(days=1), end


def digest_date(now: datetime.datetime) -> datetime.date:
    """The date of the latest digest whose window has closed by `now`."""
    today = now.astimezone(datetime.UTC).date()
    return today if digest_window(today)[1] <= now else today - datetime.timedelta(days=1)


def digests_plan(*, date: datetime.date) -> list[uuid.UUID]:
    """Plan the digest of `date` for everyone with unread notifications in its window who wants
    email and the digest: one delivery row each (kept if planned before), sent by the email
    queue once this commits. Returns whose digests are still pending. A fixed number of queries,
    however many people get one."""
    start, end = digest_window(date)
    opted_out = NotificationPreference.objects.filter(
        Q(email_enabled=False) | Q(digest_enabled=False)
    ).values("user_id")
    recipients = (
        Notification.objects.filter(
            read_at__isnull=True,
            created_at__gte=start,
            created_at__lt=end,
            recipient__is_active=True,
        )
        .exclude(recipient_id__in=opted_out)
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    with transaction.atomic():
        DigestDelivery.objects.bulk_create(
            (DigestDelivery(user_id=user_id, date=date) for user_id in recipients),
            ignore_conflicts=True,
        )
        pending = list(
            DigestDelivery.objects.filter(date=date, status=DeliveryStatus.PENDING).values_list(
                "user_id", flat=True
            )
        )
        if pending:
            transaction.on_commit(lambda: _enqueue_digests(pending, date))
    return pending


def _enqueue_digests(user_ids: list[uuid.UUID], date: datetime.date) -> None:
    from docket.notifications.tasks import send_digest

    try:
        for user_id in user_ids:
            send_digest.delay(str(user_id), date.isoformat())
    except Exception:
        logger.warning("digest_not_enqueued", exc_info=True)


def _digest_groups(delivery: DigestDelivery) -> tuple[list[dict[str, Any]], int, int]:
    """The unread notifications of the digest, by workspace, about what the person can still
    see: (groups, how many are listed, how many in all)."""
    start, end = digest_window(delivery.date)
    groups = []
    listed = total = 0
    for access, workspace in accesses_of_user(user_id=delivery.user_id):
        unread = (
            notification_list(access=access, unread_only=True)
            .filter(created_at__gte=start, created_at__lt=end)
            .order_by("-id")
        )
        count = unread.count()
        total += count
        room = max(DIGEST_LIMIT - listed, 0)
        if not count or not room:
            continue
        shown = list(unread[:room])
        listed += len(shown)
        groups.append(
            {
                "workspace": workspace,
                "notifications": [
                    {
                        "issue_key": notification.issue_key,
                        "issue_title": notification.issue_title,
                        "reason": Reason(notification.reason).label,
                        "actor": notification.actor.display_name
                        if notification.actor
                        else "Someone",
                        "link": issue_link(
                            workspace_slug=workspace.slug, issue_key=notification.issue_key
                        ),
                    }
                    for notification in shown
                ],
            }
        )
    return groups, listed, total


def _digest_message(delivery: DigestDelivery) -> EmailMultiAlternatives:
    preference = notification_preference_get(user=delivery.user)
    if not (preference.email_enabled and preference.digest_enabled):
        raise NotToBeSent("the person turned the digest off")
    groups, listed, total = _digest_groups(delivery)
    if not total:
        raise NotToBeSent("nothing unread is left to tell")
    context = {
        "until": digest_window(delivery.date)[1],
        "groups": groups,
        "total": total,
        "more": total - listed,
    }
    plural = "" if total == 1 else "s"
    message = EmailMultiAlternatives(
        subject=f"Docket digest: {total} unread notification{plural}",
        body=render_to_string("notifications/email/digest.txt", context),
        to=[delivery.user.email],
    )
    message.attach_alternative(
        render_to_string("notifications/email/digest.html", context), "text/html"
    )
    return message


def digest_send(*, user_id: uuid.UUID, date: datetime.date) -> str:
    """Send a person's digest of `date`, at least once, with what is still unread (see
    docket.core.mail.mail_delivery_send for what it returns and raises). Planning made its
    delivery row; one is made here if not, so the task stands alone."""
    delivery, _ = DigestDelivery.objects.get_or_create(user_id=user_id, date=date)
    return mail_delivery_send(
        deliveries=DigestDelivery.objects.select_related("user"),
        delivery_id=delivery.pk,
        compose=_digest_message,
    )


def pending_digests() -> list[tuple[uuid.UUID, datetime.date]]:
    """Digests still pending a while after they were planned: their ask was lost."""
    return list(
        pending_mail_deliveries(DigestDelivery.objects.all()).values_list("user_id", "date")
    )


# --- The caller's own notifications and subscriptions -----------------------------------------
# Personal state, not a change to the workspace: these record no event in the tenant's log.


def notification_mark_read(*, access: Access, notification_id: int) -> Notification:
    """Mark one of the caller's notifications read (idempotent)."""
    notification = Notification.objects.filter(
        pk=notification_id, recipient=access.user, workspace_id=access.workspace_id
    ).first()
    if notification is None:
        raise NotFound("Notification not found.", code="notification_not_found")
    if notification.read_at is None:
        with transaction.atomic():
            notification.read_at = timezone.now()
            notification.save(update_fields=["read_at"])
            _after_commit_tell({access.user_id}, workspace_id=access.workspace_id)
    return notification


def notifications_mark_all_read(*, access: Access) -> int:
    """Mark every unread notification of the caller in this workspace read; returns how many."""
    with transaction.atomic():
        marked = Notification.objects.filter(
            recipient=access.user, workspace_id=access.workspace_id, read_at__isnull=True
        ).update(read_at=timezone.now())
        if marked:
            _after_commit_tell({access.user_id}, workspace_id=access.workspace_id)
    return marked


def subscription_set(*, access: Access, issue: Issue, subscribed: bool) -> Subscription:
    """Follow or stop following an issue the caller can see."""
    access.ensure_can_see(issue.project)
    with transaction.atomic():
        subscription, _ = Subscription.objects.update_or_create(
            issue=issue,
            user=access.user,
            defaults={"subscribed": subscribed},
            create_defaults={"workspace_id": issue.workspace_id, "subscribed": subscribed},
        )
    return subscription


def notification_preference_set(
    *, user: User, email_enabled: bool | None = None, digest_enabled: bool | None = None
) -> NotificationPreference:
    """Change the caller's notification settings (every workspace): notification emails, the
    daily digest, or both; a setting not given keeps its value."""
    changes = {
        name: value
        for name, value in (("email_enabled", email_enabled), ("digest_enabled", digest_enabled))
        if value is not None
    }
    preference, _ = NotificationPreference.objects.update_or_create(user=user, defaults=changes)
    return preference
