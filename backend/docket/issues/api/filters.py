"""Issue list filters. Each is documented in the schema through its help_text.

Multi-value filters take comma-separated values (`?priority=urgent,high`). Values that cannot be
parsed are a 400 with the offending parameter named, never an empty list or a 500.
"""

import datetime
import re
import uuid
from typing import Any

import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery
from django.db.models import Exists, OuterRef, Q, QuerySet

from docket.issues.models import SEARCH_CONFIG, Issue, IssueAssignee, IssueLabel, Priority
from docket.projects.models import StateCategory

MAX_VALUES = 50
_NEGATION_RUN = re.compile(r"-(?:[\s-]*-)+")
# An issue's human key as people type it into search: `ENG-12`, `eng-12`.
_ISSUE_KEY = re.compile(r"^\s*(?P<project>[A-Za-z][A-Za-z0-9]*)-(?P<number>\d{1,9})\s*$")


class _CommaListField(forms.CharField):
    """A comma-separated list; each item must be a UUID or one of `keywords`."""

    def __init__(self, *args, keywords: tuple[str, ...] = (), allowed=None, **kwargs):
        self.keywords = keywords
        self.allowed_choices = allowed
        super().__init__(*args, **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        items = [item.strip() for item in value.split(",") if item.strip()]
        if not items or len(items) > MAX_VALUES:
            raise forms.ValidationError(
                "Give 1 to %(most)s values.", code="invalid", params={"most": MAX_VALUES}
            )
        cleaned = []
        # The client's text goes in as params, never into the message itself: Django formats
        # messages with `%`, so a `%` in a value would break the formatting (a 500).
        for item in items:
            if self.allowed_choices is not None:
                if item not in self.allowed_choices:
                    raise forms.ValidationError(
                        "Unknown value %(value)r; use %(allowed)s.",
                        code="invalid_choice",
                        params={"value": item, "allowed": ", ".join(self.allowed_choices)},
                    )
                cleaned.append(item)
            elif item in self.keywords:
                cleaned.append(item)
            else:
                try:
                    cleaned.append(uuid.UUID(item))
                except ValueError as exc:
                    raise forms.ValidationError(
                        "%(value)r is not a valid id.", code="invalid", params={"value": item}
                    ) from exc
        return cleaned


class _UtcDateTimeField(django_filters.fields.IsoDateTimeField):
    """An ISO 8601 time, handed to the database in UTC. PostgreSQL refuses UTC offsets it does
    not know (`+22:32` parses in Python), and a time near year 1 may have no UTC form: both
    are the client's mistake, a 400, never the database's error."""

    def to_python(self, value: Any) -> datetime.datetime | None:
        parsed: datetime.datetime | None = super().to_python(value)
        if parsed is None or parsed.tzinfo is None:
            return parsed
        try:
            return parsed.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError("Out of range.", code="invalid") from None


class _UtcDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = _UtcDateTimeField


class _ListFilter(django_filters.CharFilter):
    field_class = _CommaListField


class IssueFilter(django_filters.FilterSet):
    state = _ListFilter(method="filter_state", help_text="State ids, comma-separated.")
    state_category = _ListFilter(
        method="filter_state_category",
        allowed=StateCategory.values,
        help_text="State categories, comma-separated: " + ", ".join(StateCategory.values) + ".",
    )
    assignee = _ListFilter(
        method="filter_assignee",
        keywords=("me", "none"),
        help_text="User ids, `me` or `none` (unassigned), comma-separated; matches any.",
    )
    label = _ListFilter(method="filter_label", help_text="Label ids, comma-separated; matches any.")
    priority = _ListFilter(
        method="filter_priority",
        allowed=[member.label for member in Priority],
        help_text="Priorities, comma-separated: urgent, high, medium, low, none.",
    )
    reporter = _ListFilter(
        method="filter_reporter", keywords=("me",), help_text="User ids or `me`, comma-separated."
    )
    parent = _ListFilter(
        method="filter_parent",
        keywords=("none",),
        help_text="Parent issue ids, or `none` for top-level issues.",
    )
    due_before = django_filters.DateFilter(
        field_name="due_date", lookup_expr="lte", help_text="Due on or before this date."
    )
    due_after = django_filters.DateFilter(
        field_name="due_date", lookup_expr="gte", help_text="Due on or after this date."
    )
    updated_since = _UtcDateTimeFilter(
        field_name="updated_at", lookup_expr="gte", help_text="Updated at or after this time."
    )
    external_ref = django_filters.CharFilter(
        field_name="external_ref",
        max_length=100,
        help_text=(
            "The issue with this external reference (exact); in one project's list it is "
            "served by the unique index."
        ),
    )
    q = django_filters.CharFilter(
        method="filter_search",
        max_length=200,
        help_text="Full-text search in title and description (web search syntax).",
    )

    class Meta:
        model = Issue
        fields: list[str] = []

    def filter_state(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        return queryset.filter(state_id__in=value)

    def filter_state_category(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        return queryset.filter(state__category__in=value)

    def _me(self, values: list) -> list:
        user = self.request.user
        return [user.id if value == "me" else value for value in values]

    def filter_assignee(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        ids = [item for item in self._me(value) if item != "none"]
        condition: Any = Q()  # Q and Exists combine, which the stubs cannot express
        if ids:
            condition |= Exists(IssueAssignee.objects.filter(issue=OuterRef("pk"), user_id__in=ids))
        if "none" in value:
            condition |= ~Exists(IssueAssignee.objects.filter(issue=OuterRef("pk")))
        return queryset.filter(condition)

    def filter_label(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        return queryset.filter(
            Exists(IssueLabel.objects.filter(issue=OuterRef("pk"), label_id__in=value))
        )

    def filter_priority(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        return queryset.filter(priority__in=[Priority.from_name(v) for v in value])

    def filter_reporter(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        return queryset.filter(reporter_id__in=self._me(value))

    def filter_parent(self, queryset: QuerySet, name: str, value: list) -> QuerySet:
        ids = [item for item in value if item != "none"]
        condition = Q(parent_id__in=ids) if ids else Q()
        if "none" in value:
            condition |= Q(parent__isnull=True)
        return queryset.filter(condition)

    def filter_search(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        # A run of `-` is nested negations to websearch_to_tsquery, and 33 of them overflow its
        # parser's stack ("tsquery stack too small"); one `-` says the same.
        value = _NEGATION_RUN.sub("-", value)
        if not value.strip():
            return queryset
        query = SearchQuery(value, config=SEARCH_CONFIG, search_type="websearch")
        condition = Q(search_vector=query)
        # People look issues up by the key they see everywhere (pickers, the palette); the
        # words of a title never contain it, so the key is matched beside the text.
        key = _ISSUE_KEY.match(value)
        if key:
            condition |= Q(project__key=key["project"].upper(), number=int(key["number"]))
        return queryset.filter(condition)


class WorkspaceIssueFilter(IssueFilter):
    project = django_filters.CharFilter(
        method="filter_project",
        max_length=200,
        help_text="Project keys, comma-separated (e.g. `ENG,OPS`).",
    )

    def filter_project(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        keys = [key.strip() for key in value.split(",") if key.strip()]
        return queryset.filter(project__key__in=keys)
