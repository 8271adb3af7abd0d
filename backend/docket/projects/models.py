from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower

from docket.core.keys import PROJECT_KEY_PATTERN
from docket.core.models import BaseModel
from docket.workspaces.models import Membership, Workspace

COLOR_PATTERN = r"^#[0-9a-fA-F]{6}$"
color_validator = RegexValidator(COLOR_PATTERN, "Use a hex color such as #3b82f6.")


class StateCategory(models.TextChoices):
    BACKLOG = "backlog", "Backlog"
    UNSTARTED = "unstarted", "Unstarted"
    STARTED = "started", "Started"
    COMPLETED = "completed", "Completed"
    CANCELED = "canceled", "Canceled"


# The colour each category is shown in, which a project's default state of it starts with. The
# SPA's copy is generated from this one (`make constants`, frontend/src/shared/api/constants.ts).
CATEGORY_COLORS: dict[StateCategory, str] = {
    StateCategory.BACKLOG: "#94a3b8",
    StateCategory.UNSTARTED: "#64748b",
    StateCategory.STARTED: "#f59e0b",
    StateCategory.COMPLETED: "#22c55e",
    StateCategory.CANCELED: "#ef4444",
}

DEFAULT_WORKFLOW = [
    (name, category, CATEGORY_COLORS[category])
    for name, category in [
        ("Backlog", StateCategory.BACKLOG),
        ("Todo", StateCategory.UNSTARTED),
        ("In Progress", StateCategory.STARTED),
        ("Done", StateCategory.COMPLETED),
        ("Canceled", StateCategory.CANCELED),
    ]
]


class Project(BaseModel):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="projects")
    key = models.CharField(max_length=10, validators=[RegexValidator(PROJECT_KEY_PATTERN)])
    name = models.CharField(max_length=100)
    description = models.TextField(blank=True, max_length=10_000)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    archived_at = models.DateTimeField(null=True, blank=True)
    # The last issue number handed out; incremented under the row lock by issue_create.
    last_issue_number = models.PositiveIntegerField(default=0)
    # Set by project_delete: gone for everyone from then on; purged in batches in the background.
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # Only live projects own their key: a deleted one's is reusable at once.
            models.UniqueConstraint(
                fields=["workspace", "key"],
                condition=models.Q(deleted_at__isnull=True),
                name="project_key_live_unique",
            ),
        ]
        indexes = [
            # Every access resolution lists its workspace's deleted projects (to hide them), and
            # the purge sweep scans them: only rows waiting for their purge are in it.
            models.Index(
                fields=["workspace", "deleted_at"],
                condition=models.Q(deleted_at__isnull=False),
                name="project_deleted_idx",
            ),
        ]

    def __str__(self) -> str:
        return self.key


class ProjectMember(models.Model):
    """Adds someone to a project. Guests see only the projects they were added to."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="members")
    membership = models.ForeignKey(
        Membership, on_delete=models.CASCADE, related_name="project_memberships"
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["project", "membership"], name="project_member_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.membership_id} in {self.project_id}"


class State(BaseModel):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="states")
    name = models.CharField(max_length=50)
    category = models.CharField(max_length=16, choices=StateCategory.choices)
    color = models.CharField(max_length=7, validators=[color_validator])
    position = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint("project", Lower("name"), name="state_name_ci_unique"),
            models.CheckConstraint(
                condition=models.Q(category__in=StateCategory.values), name="state_category_valid"
            ),
        ]
        indexes = [models.Index(fields=["project", "position"], name="state_project_position_idx")]

    def __str__(self) -> str:
        return self.name


class Label(BaseModel):
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="+")
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="labels")
    name = models.CharField(max_length=50)
    color = models.CharField(max_length=7, validators=[color_validator])

    class Meta:
        constraints = [
            models.UniqueConstraint("project", Lower("name"), name="label_name_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.name
