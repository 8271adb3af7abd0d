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


def top_of_column(state: State, count: int = 1, *, excluding: Issue | None = None) -> list[str]:
    """`count` positions, in order, before every issue of the column (but `excluding`).

    Where an issue arriving in a column without named neighbours lands: a board loads the top
    of each column, so an issue put at the end of a long one is out of everyone's view."""
    column = Issue.objects.filter(state=state)
    if excluding is not None:
        column = column.exclude(pk=excluding.pk)
    upper = column.order_by("position").values_list("position", flat=True).first()
    keys = []
    for _ in range(count):
        upper = key_between(None, upper)
        keys.append(upper)
    return keys[::-1]


def completed_at_in(state: State, current: datetime.datetime | None) -> datetime.datetime | None:
    if state.category == StateCategory.COMPLETED:
        return current or timezone.now()
    return None
