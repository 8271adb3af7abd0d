"""What analytics knows about issues, written by the relay's `analytics` consumer from the event
log (docket.analytics.services) into the `analytics` database.

Plain ids instead of foreign keys: the rows they name live in another database.
"""

from django.db import models

# A category change that removes the issue from every figure (it was deleted).
DELETED = "deleted"


class CategoryChange(models.Model):
    """An issue entering a state category, from one event: its creation (`from_category` empty),
    a state change that crossed categories, or its deletion (`to_category` "deleted"). Keyed by
    the event, so handing the same event twice writes nothing twice."""

    event_id = models.BigIntegerField(primary_key=True)
    issue_id = models.UUIDField()
    workspace_id = models.UUIDField()
    project_id = models.UUIDField()
    at = models.DateTimeField()
    from_category = models.CharField(max_length=16, blank=True)
    to_category = models.CharField(max_length=16)

    class Meta:
        indexes = [
            models.Index(fields=["issue_id", "at"], name="analytics_change_issue_idx"),
            models.Index(fields=["project_id", "at"], name="analytics_change_project_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.issue_id}: {self.from_category or 'new'} -> {self.to_category}"


class IssueFact(models.Model):
    """One issue as the figures see it, rebuilt from all its category changes whenever one is
    added (so the order and repetition of events never matter)."""

    issue_id = models.UUIDField(primary_key=True)
    workspace_id = models.UUIDField()
    project_id = models.UUIDField()
    key = models.CharField(max_length=32)
    created_at = models.DateTimeField()
    # The first time it entered `started`; never, for an issue completed straight from the backlog.
    started_at = models.DateTimeField(null=True, blank=True)
    # When it last entered `completed`, if that is where it is now.
    completed_at = models.DateTimeField(null=True, blank=True)
    category = models.CharField(max_length=16)
    # How often it left `completed` or `canceled` for an open category.
    reopened = models.PositiveIntegerField(default=0)
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [
            models.Index(fields=["project_id", "completed_at"], name="analytics_fact_done_idx"),
            models.Index(fields=["project_id", "category"], name="analytics_fact_open_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.key or self.issue_id} ({self.category})"
