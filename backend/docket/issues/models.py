from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import models

from docket.core.models import BaseModel
from docket.projects.models import Label, Project, State
from docket.workspaces.models import Workspace


class Priority(models.IntegerChoices):
    """Stored as a rank so that ORDER BY priority puts the most urgent first and `none` last."""

    URGENT = 1, "urgent"
    HIGH = 2, "high"
    MEDIUM = 3, "medium"
    LOW = 4, "low"
    NONE = 9, "none"

    @classmethod
    def from_name(cls, name: str) -> "Priority":
        return {member.label: member for member in cls}[name]


PRIORITY_API_CHOICES = [(member.label, member.label) for member in Priority]

SEARCH_CONFIG = "english"


class Issue(BaseModel):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="issues")
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=255)
    description = models.TextField(blank=True, max_length=100_000)
    # RESTRICT, not PROTECT: deleting a state with issues is refused, but deleting the whole
    # project (which deletes its issues too) is not.
    state = models.ForeignKey(State, on_delete=models.RESTRICT, related_name="issues")
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NONE)
    estimate = models.PositiveSmallIntegerField(null=True, blank=True)
    due_date = models.DateField(null=True, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="children"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    assignees = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="IssueAssignee", related_name="assigned_issues"
    )
    labels = models.ManyToManyField(Label, through="IssueLabel", related_name="issues")
    # Issues this one is related to, with the kind of relation (see relations.py). Each
    # relation is two rows, one from each end, so `related` lists it from either issue.
    related = models.ManyToManyField(
        "self",
        through="IssueRelation",
        through_fields=("from_issue", "to_issue"),
        symmetrical=False,
        blank=True,
        related_name="+",
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    # The id an importer or integration knows the issue by (a GitHub issue number, ...),
    # unique within the project; most issues have none. NULL, not "", for none: NULLs are
    # distinct, so the unique constraint ignores issues without one, and adding a nullable
    # column without a default never rewrites the table.
    external_ref = models.CharField(max_length=100, null=True, blank=True)  # noqa: DJ001
    # Fractional key within the state's column (see positions.py); byte order, not locale order.
    position = models.CharField(max_length=255, db_collation="C")
    # Counts the writes to the issue, its state, place, labels and assignees: the part of its
    # ETag that `If-Match` compares, under the row lock, so a stale editor gets a 412.
    version = models.PositiveIntegerField(db_default=1, editable=False)
    search_vector = models.GeneratedField(
        expression=SearchVector("title", weight="A", config=SEARCH_CONFIG)
        + SearchVector("description", weight="B", config=SEARCH_CONFIG),
        output_field=SearchVectorField(),
        db_persist=True,
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "number"], name="issue_number_unique"),
            # Added by 0006 without blocking writes (a concurrent index, then the constraint).
            models.UniqueConstraint(
                fields=["project", "external_ref"], name="issue_external_ref_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(priority__in=Priority.values), name="issue_priority_valid"
            ),
        ]
        indexes = [
            models.Index(fields=["project", "created_at"], name="issue_project_created_idx"),
            models.Index(fields=["workspace", "created_at"], name="issue_workspace_created_idx"),
            models.Index(fields=["workspace", "updated_at"], name="issue_workspace_updated_idx"),
            models.Index(fields=["state", "position"], name="issue_state_position_idx"),
            GinIndex(fields=["search_vector"], name="issue_search_idx"),
        ]

    def __str__(self) -> str:
        return self.key

    @property
    def key(self) -> str:
        return f"{self.project.key}-{self.number}"


class IssueAssignee(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "user"], name="issue_assignee_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} on {self.issue_id}"


class IssueLabel(models.Model):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="+")
    label = models.ForeignKey(Label, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["issue", "label"], name="issue_label_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.label_id} on {self.issue_id}"


class RelationKind(models.TextChoices):
    """How `from_issue` relates to `to_issue`; the mirror row holds the inverse."""

    BLOCKS = "blocks"
    BLOCKED_BY = "blocked_by"
    DUPLICATES = "duplicates"
    DUPLICATED_BY = "duplicated_by"
    RELATES = "relates"


INVERSE_RELATION = {
    RelationKind.BLOCKS: RelationKind.BLOCKED_BY,
    RelationKind.BLOCKED_BY: RelationKind.BLOCKS,
    RelationKind.DUPLICATES: RelationKind.DUPLICATED_BY,
    RelationKind.DUPLICATED_BY: RelationKind.DUPLICATES,
    RelationKind.RELATES: RelationKind.RELATES,
}


class IssueRelation(models.Model):
    """One end of a relation between two issues. The table is the one the plain many-to-many
    of the first release created (migration 0004 took it over without rewriting it), hence
    its name; rows written before `type` existed read as `relates`."""

    from_issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="+")
    to_issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="+")
    type = models.CharField(
        max_length=20, choices=RelationKind.choices, db_default=RelationKind.RELATES
    )

    class Meta:
        db_table = "issues_issue_related"
        constraints = [
            models.UniqueConstraint(
                fields=["from_issue", "to_issue"], name="issue_relation_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_issue_id} {self.type} {self.to_issue_id}"


class Comment(BaseModel):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(max_length=50_000)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["issue", "created_at"], name="comment_issue_created_idx")]

    def __str__(self) -> str:
        return f"comment {self.pk} on {self.issue_id}"
