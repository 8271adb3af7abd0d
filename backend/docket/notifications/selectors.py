"""Reads for the caller's notifications and subscriptions."""

from django.db.models import BigIntegerField, Case, F, QuerySet, Value, When

from docket.accounts.models import User
from docket.core.access import Access
from docket.issues.models import Issue
from docket.notifications.models import Notification, NotificationPreference, Subscription

# Unread first, newest first within each: a single sort key for keyset pagination. Ids stay far
# below 2**62, so adding it to unread ones puts every unread notification above every read one.
UNREAD_FIRST = Case(
    When(read_at__isnull=True, then=F("id") + Value(2**62)),
    default=F("id"),
    output_field=BigIntegerField(),
)


def notification_list(*, access: Access, unread_only: bool = False) -> QuerySet[Notification]:
    """The caller's notifications in this workspace, about projects they can still see."""
    notifications = Notification.objects.filter(
        recipient=access.user, workspace_id=access.workspace_id
    )
    if access.visible_project_ids is not None:
        notifications = notifications.filter(project_id__in=access.visible_project_ids)
    if access.deleted_project_ids:
        notifications = notifications.exclude(project_id__in=access.deleted_project_ids)
    if unread_only:
        notifications = notifications.filter(read_at__isnull=True)
    return notifications.select_related("actor")


def unread_count(*, access: Access) -> int:
    return notification_list(access=access, unread_only=True).count()


def subscription_get(*, access: Access, issue: Issue) -> bool:
    """Whether the caller follows the issue."""
    access.ensure_can_see(issue.project)
    return Subscription.objects.filter(issue=issue, user=access.user, subscribed=True).exists()


def notification_preference_get(*, user: User) -> NotificationPreference:
    """The person's notification settings: their row, or the defaults (unsaved) if they never
    changed any."""
    preference = NotificationPreference.objects.filter(user=user).first()
    return preference or NotificationPreference(user=user)
