"""Shared model bases and the event log (the transactional outbox)."""

from django.conf import settings
from django.db import models

from docket.core.ids import uuid7


class BaseModel(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Event(models.Model):
    """An append-only record of one change, written in the same transaction as the change.

    Later work relays rows in `id` order to realtime, notifications, webhooks, analytics and the
    change feed. The workspace, project and subject are plain ids rather than foreign keys so the
    record of a deletion outlives the deleted rows.
    """

    id = models.BigAutoField(primary_key=True)
    workspace_id = models.UUIDField()
    project_id = models.UUIDField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    name = models.CharField(max_length=64)
    subject_type = models.CharField(max_length=32)
    subject_id = models.UUIDField()
    # A human label for the subject at the time of the event, e.g. "ENG-42" or a project name.
    subject_label = models.CharField(max_length=200, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=False)

    class Meta:
        indexes = [
            models.Index(fields=["workspace_id", "id"], name="event_workspace_id_idx"),
            models.Index(fields=["subject_type", "subject_id", "id"], name="event_subject_id_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.subject_type}:{self.subject_id}"
