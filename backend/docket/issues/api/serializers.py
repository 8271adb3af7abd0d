from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from docket.core.keys import ISSUE_KEY_PATTERN, MAX_ISSUE_KEY_LENGTH
from docket.core.models import Event
from docket.core.serializers import StrictSerializer
from docket.http import capabilities
from docket.http.refs import (
    EventActorOutput,
    LabelOutput,
    ProjectRefOutput,
    UserSummaryOutput,
)
from docket.http.schema import ProblemOutput
from docket.issues.models import (
    PRIORITY_API_CHOICES,
    Comment,
    Issue,
    IssueRelation,
    Priority,
    RelationKind,
)
from docket.issues.services import MAX_BULK_ISSUES
from docket.issues.shape import DETAIL_FIELDS, LIST_FIELDS, names
from docket.projects.models import State

DEFAULT_BOARD_CARDS = 50
MAX_BOARD_CARDS = 100


class PriorityField(serializers.ChoiceField):
    """Priorities travel as names (`urgent`); the database stores their rank."""

    def __init__(self, **kwargs):
        super().__init__(choices=PRIORITY_API_CHOICES, **kwargs)

    def to_representation(self, value):
        return Priority(value).label if isinstance(value, int) else value


class IssueStateOutput(serializers.ModelSerializer):
    class Meta:
        model = State
        fields = ["id", "name", "category", "color"]
        read_only_fields = fields


class IssueRefOutput(serializers.ModelSerializer):
    key = serializers.CharField()

    class Meta:
        model = Issue
        fields = ["id", "key", "title"]
        read_only_fields = fields


class IssueListItem(serializers.ModelSerializer):
    # The fields are the issue's shape (docket.issues.shape); those declared here are the ones
    # whose representation the model alone does not give.
    key = serializers.CharField(help_text="Human key, e.g. ENG-42.")
    project = ProjectRefOutput()
    state = IssueStateOutput()
    priority = PriorityField()
    assignees = UserSummaryOutput(many=True)
    labels = LabelOutput(many=True)
    parent = IssueRefOutput(allow_null=True)
    reporter = UserSummaryOutput(allow_null=True)
    position = serializers.CharField(help_text="Sort key within the state's board column.")
    capabilities = capabilities.ISSUE.field(
        help_text="What the caller may do to the issue (the same for every issue they see)."
    )

    class Meta:
        model = Issue
        fields = names(LIST_FIELDS)
        read_only_fields = fields


class BoardQuery(serializers.Serializer):
    limit = serializers.IntegerField(
        min_value=1,
        max_value=MAX_BOARD_CARDS,
        required=False,
        help_text=f"Cards per column, 1 to {MAX_BOARD_CARDS}; {DEFAULT_BOARD_CARDS} if omitted.",
    )


class BoardColumnOutput(serializers.Serializer):
    state = IssueStateOutput()
    issues = IssueListItem(many=True, help_text="The column's first cards, by position.")
    total = serializers.IntegerField(
        min_value=0,
        help_text=(
            "How many cards the column holds, filters applied: the column's size, however many "
            "of its cards this answer carries."
        ),
    )
    next_cursor = serializers.CharField(
        allow_null=True,
        help_text=(
            "Null when the column holds no more cards. Otherwise pass it as `cursor` to the "
            "project's issue list with `state=<this state's id>&ordering=position` (and the same "
            "filters) for the cards that follow."
        ),
    )


class BoardOutput(serializers.Serializer):
    columns = BoardColumnOutput(many=True, help_text="Every state of the project, in order.")


class IssueOutput(IssueListItem):
    class Meta(IssueListItem.Meta):
        fields = names(DETAIL_FIELDS)
        read_only_fields = fields


class _IssueFieldsMixin(StrictSerializer):
    title = serializers.CharField(max_length=255)
    description = serializers.CharField(max_length=100_000, allow_blank=True, help_text="Markdown.")
    state_id = serializers.UUIDField()
    priority = PriorityField()
    estimate = serializers.IntegerField(min_value=0, max_value=1000, allow_null=True)
    due_date = serializers.DateField(allow_null=True)
    parent_id = serializers.UUIDField(allow_null=True, help_text="An issue of the same project.")
    assignee_ids = serializers.ListField(
        child=serializers.UUIDField(), max_length=20, help_text="Workspace members."
    )
    label_ids = serializers.ListField(
        child=serializers.UUIDField(), max_length=20, help_text="Labels of the same project."
    )
    external_ref = serializers.CharField(
        max_length=100,
        allow_null=True,
        allow_blank=True,
        help_text=(
            "The id an importer or integration knows the issue by (e.g. a GitHub issue "
            "number), unique within the project: one another issue has is a 409 "
            "`external_ref_taken`. Blank or null means none."
        ),
    )


class IssueCreateInput(_IssueFieldsMixin):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "title":
                field.required = False


class IssueUpdateInput(_IssueFieldsMixin):
    """Every field is optional; only the fields given change."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False


class IssueMoveInput(StrictSerializer):
    state_id = serializers.UUIDField(help_text="The column to put the issue in.")
    after_id = serializers.UUIDField(
        required=False, allow_null=True, help_text="Place right after this issue of the column."
    )
    before_id = serializers.UUIDField(
        required=False, allow_null=True, help_text="Place right before this issue of the column."
    )


def _ids(help_text: str) -> serializers.ListField:
    return serializers.ListField(
        child=serializers.UUIDField(), max_length=20, required=False, help_text=help_text
    )


class IssueBulkChangesInput(IssueUpdateInput):
    """The changes of a bulk update: every field of a PATCH, plus additions and removals that
    keep each issue's other labels and assignees. `label_ids` and `assignee_ids` replace (as in
    a PATCH); the `add_*` ids are then added and the `remove_*` ids taken away."""

    # One issue's own reference, never set on many at once.
    external_ref = None  # type: ignore[assignment]  # DRF's way to drop an inherited field
    add_label_ids = _ids("Labels of the issues' project to add; the others stay.")
    remove_label_ids = _ids("Labels to take off; absent ones are ignored.")
    add_assignee_ids = _ids("Workspace members to assign; the others stay.")
    remove_assignee_ids = _ids("Users to unassign; absent ones are ignored.")

    def validate(self, attrs):
        attrs = super().validate(attrs)
        for kind in ("label", "assignee"):
            both = set(attrs.get(f"add_{kind}_ids", ())) & set(attrs.get(f"remove_{kind}_ids", ()))
            if both:
                raise serializers.ValidationError(
                    {f"remove_{kind}_ids": "An id cannot be both added and removed."},
                    code="conflicting_ids",
                )
        return attrs


class IssueBulkUpdateInput(StrictSerializer):
    keys = serializers.ListField(
        child=serializers.RegexField(ISSUE_KEY_PATTERN, max_length=MAX_ISSUE_KEY_LENGTH),
        min_length=1,
        max_length=MAX_BULK_ISSUES,
        help_text=f"Issue keys, at most {MAX_BULK_ISSUES}.",
    )
    changes = IssueBulkChangesInput()


@extend_schema_field(IssueCreateInput(many=True))
class _IssueCreateItemsField(serializers.ListField):
    """Each item is checked on its own by the view (an invalid one does not refuse the rest)."""


class IssueBulkCreateInput(StrictSerializer):
    issues = _IssueCreateItemsField(
        child=serializers.JSONField(),
        min_length=1,
        max_length=MAX_BULK_ISSUES,
        help_text=(
            f"1 to {MAX_BULK_ISSUES} issues, each with the fields of a single create. An "
            "invalid item gets its error in the results; the valid ones are created."
        ),
    )


class BulkItemErrorOutput(serializers.Serializer):
    code = serializers.CharField()
    detail = serializers.CharField()
    status = serializers.IntegerField()


class IssueBulkUpdateResultItem(serializers.Serializer):
    key = serializers.CharField()
    ok = serializers.BooleanField()
    issue = IssueListItem(allow_null=True)
    error = BulkItemErrorOutput(allow_null=True)


class IssueBulkUpdateOutput(serializers.Serializer):
    results = IssueBulkUpdateResultItem(many=True)


class IssueBulkCreateResultItem(serializers.Serializer):
    index = serializers.IntegerField(help_text="Position of the item in the request.")
    status = serializers.IntegerField(help_text="201 if created, else the error's status.")
    issue = IssueOutput(allow_null=True, help_text="The created issue; null on error.")
    error = ProblemOutput(allow_null=True, help_text="Why this item was refused; null if created.")


class IssueBulkCreateOutput(serializers.Serializer):
    results = IssueBulkCreateResultItem(many=True, help_text="One per item, in request order.")


class CommentOutput(serializers.ModelSerializer):
    author = UserSummaryOutput(allow_null=True)
    capabilities = capabilities.COMMENT.field(help_text="What the caller may do to the comment.")

    class Meta:
        model = Comment
        fields = ["id", "author", "body", "created_at", "updated_at", "edited_at", "capabilities"]
        read_only_fields = fields


class CommentCreateInput(StrictSerializer):
    body = serializers.CharField(max_length=50_000, help_text="Markdown.")


class CommentUpdateInput(CommentCreateInput):
    pass


class ActivityEventOutput(serializers.ModelSerializer):
    actor = EventActorOutput(allow_null=True)
    changes = serializers.DictField(
        child=serializers.JSONField(),
        help_text='Changed fields: {"field": {"old": ..., "new": ...}}.',
    )

    class Meta:
        model = Event
        fields = [
            "id",
            "name",
            "actor",
            "subject_type",
            "subject_id",
            "subject_label",
            "changes",
            "created_at",
        ]
        read_only_fields = fields


class RelatedIssueOutput(serializers.ModelSerializer):
    key = serializers.CharField(help_text="Human key, e.g. OPS-7.")
    state = IssueStateOutput()

    class Meta:
        model = Issue
        fields = ["id", "key", "title", "state", "completed_at"]
        read_only_fields = fields


class IssueRelationOutput(serializers.ModelSerializer):
    type = serializers.ChoiceField(
        choices=RelationKind.choices,
        help_text="How this issue relates to `issue`: it blocks it, is blocked by it, ...",
    )
    issue = RelatedIssueOutput(source="to_issue")

    class Meta:
        model = IssueRelation
        fields = ["type", "issue"]
        read_only_fields = fields


class IssueRelationCreateInput(StrictSerializer):
    issue_key = serializers.CharField(
        max_length=30, help_text="The other issue, by key (any project of the workspace)."
    )
    type = serializers.ChoiceField(
        choices=RelationKind.choices,
        default=RelationKind.RELATES,
        help_text="How this issue relates to the other; the other gets the inverse.",
    )
