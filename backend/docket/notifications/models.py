from django.conf import settings
from django.db import models

from docket.core.models import BaseModel, MailDelivery, mail_delivery_rules
from docket.issues.models import Issue
from docket.workspaces.models import Workspace


class Subscription(BaseModel):
    """Someone follows an issue. Rows with `subscribed=False` remember an explicit unsubscribe,
    so taking part again (commenting) does not quietly subscribe them back."""

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    subscribed = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "user"], name="subscription_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {'follows' if self.subscribed else 'muted'} {self.issue_id}"


class Reason(models.TextChoices):
    ASSIGNED = "assigned", "Assigned"
    MENTIONED = "mentioned", "Mentioned"
    COMMENTED = "commented", "Commented"
    STATE_CHANGED = "state_changed", "State changed"


class Notification(models.Model):
    """One event, told to one person. (recipient, event) is unique: the relay may hand an event
    over again after a crash, and nobody is told twice."""

    id = models.BigAutoField(primary_key=True)
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    event_id = models.BigIntegerField()
    reason = models.CharField(max_length=16, choices=Reason.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The issue may be deleted later; its key and project stay to describe the notification.
    issue = models.ForeignKey(Issue, on_delete=models.SET_NULL, null=True, related_name="+")
    project_id = models.UUIDField()
    issue_key = models.CharField(max_length=24)
    issue_title = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    # Its project is named by plain id (it outlives its issue), so no cascade reaches it: the
    # purge of a deleted project finds it by this mark (docket.issues.purge).
    purged_with_project = True

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_id"], name="notification_once_per_event"
            ),
            models.CheckConstraint(
                condition=models.Q(reason__in=Reason.values), name="notification_reason_valid"
            ),
        ]
        indexes = [
            models.Index(
                fields=["recipient", "workspace", "id"],
                name="notification_unread_idx",
                condition=models.Q(read_at__isnull=True),
            ),
            models.Index(fields=["recipient", "workspace", "id"], name="notification_inbox_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.reason} {self.issue_key} for {self.recipient_id}"


class NotificationPreference(models.Model):
    """A person's notification settings; no row means the defaults (email on, daily digest on).
    The digest is an email too: it goes only to people with both on."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    email_enabled = models.BooleanField(default=True)
    digest_enabled = models.BooleanField(default=True, db_default=True)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return (
            f"{self.user_id}: email {'on' if self.email_enabled else 'off'}, "
            f"digest {'on' if self.digest_enabled else 'off'}"
        )


class EmailDelivery(MailDelivery):
    """The email of one notification, sent exactly once (see MailDelivery). The Message-ID is
    stable, so even a resend would thread as the same mail."""

    notification = models.OneToOneField(
        Notification, on_delete=models.CASCADE, related_name="email"
    )

    class Meta:
        constraints, indexes = mail_delivery_rules("email_delivery")

    def __str__(self) -> str:
        return f"email of notification {self.notification_id}: {self.status}"

    @property
    def message_id(self) -> str:
        return f"<notification-{self.notification_id}@docket>"


class DigestDelivery(MailDelivery):
    """One person's daily digest of unread notifications for one date, sent exactly once (see
    MailDelivery): (user, date) is unique, so a second planning run, a retried task or a killed
    worker never mails the same digest twice."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    date = models.DateField()

    class Meta:
        constraints, indexes = mail_delivery_rules(
            "digest_delivery",
            constraints=[
                models.UniqueConstraint(fields=["user", "date"], name="digest_delivery_once_a_day")
            ],
        )

    def __str__(self) -> str:
        return f"digest of {self.date} for {self.user_id}: {self.status}"

    @property
    def message_id(self) -> str:
        return f"<digest-{self.user_id}-{self.date.isoformat()}@docket>"
