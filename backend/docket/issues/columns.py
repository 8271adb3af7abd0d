"""Board columns: where an issue lands in a state's column, and what the column's category
means for its completion."""

from __future__ import annotations

import datetime

from django.utils import timezone

from docket.issues.models import Issue
from docket.issues.positions import key_between
from docket.projects.models import State, StateCategory


def end_of_column(state: State) -> str:
    """A position after every issue of the column."""
    last = (
        Issue.objects.filter(state=state)
        .order_by("-position")
        .values_list("position", flat=True)
        .first()
    )
    return key_between(last, None)


def completed_at_in(state: State, current: datetime.datetime | None) -> datetime.datetime | None:
    if state.category == StateCategory.COMPLETED:
        return current or timezone.now()
    return None
