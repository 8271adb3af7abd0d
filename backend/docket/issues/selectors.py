"""Reads for issues, comments and activity, always scoped to the caller's access."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from docket.accounts.models import User
from docket.core.access import Access
from docket.core.errors import NotFound
from docket.core.keys import issue_key_parts
from docket.core.models import Event
from docket.issues import events as issue_events
from docket.issues.models import Comment, Issue, IssueRelation
from docket.projects.models import Label, Project, State
from docket.projects.selectors import visible_projects


def _with_relations(issues: QuerySet[Issue]) -> QuerySet[Issue]:
    # Everything the outputs show, loaded in a fixed number of queries whatever the page size.
    return issues.select_related(
        "project", "state", "reporter", "parent__project"
    ).prefetch_related(
        Prefetch("assignees", queryset=User.objects.order_by("display_name", "id")),
        Prefetch("labels", queryset=Label.objects.order_by("name", "id")),
    )


def issue_list(*, access: Access, project: Project | None = None) -> QuerySet[Issue]:
    """Issues the caller may see: one project's, or the whole workspace's."""
    issues = Issue.objects.filter(workspace_id=access.workspace_id)
    if project is not None:
        access.ensure_can_see(project)
        issues = issues.filter(project=project)
    elif access.visible_project_ids is not None:
        issues = issues.filter(project_id__in=access.visible_project_ids)
    if access.deleted_project_ids:
        # A deleted project's issues go with it at once, though their rows wait for the purge.
        issues = issues.exclude(project_id__in=access.deleted_project_ids)
    return _with_relations(issues)


@dataclass(frozen=True)
class BoardColumn:
    state: State
    cards: list[tuple[uuid.UUID, str]]  # (id, position) of the column's first cards, in order
    has_more: bool
    total: int  # every card of the column the caller may see, filters applied


def board_columns(*, project: Project, issues: QuerySet[Issue], limit: int) -> list[BoardColumn]:
    """Every state of `project` in workflow order, each with its first `limit` cards by position.

    `issues` is what the caller may see (issue_list), filters applied. The heads of all columns
    come from one UNION ALL of per-column `ORDER BY position, id LIMIT n` scans, each an index
    range on (state, position): the cost follows the page size, never the project's size. A
    column's `has_more` says whether a card follows its last one, its `total` how many cards it
    holds (one grouped count for all columns, on the same (state, ...) index). Cards come as
    keys; the caller renders them (docket.issues.listing.issue_items).
    """
    states = list(State.objects.filter(project=project).order_by("position", "id"))
    heads = [
        issues.filter(state=state)
        .order_by("position", "id")
        .values_list("state_id", "position", "id")[: limit + 1]
        for state in states
    ]
    rows = sorted(heads[0].union(*heads[1:], all=True)) if heads else []
    by_state: dict[uuid.UUID, list[tuple[uuid.UUID, str]]] = {state.pk: [] for state in states}
    for state_id, position, issue_id in rows:
        by_state[state_id].append((issue_id, position))
    # distinct: an assignee or label filter joins a row per match.
    totals = dict(
        issues.order_by()
        .values("state_id")
        .annotate(total=Count("id", distinct=True))
        .values_list("state_id", "total")
    )
    return [
        BoardColumn(
            state,
            by_state[state.pk][:limit],
            len(by_state[state.pk]) > limit,
            totals.get(state.pk, 0),
        )
        for state in states
    ]


def issue_get(*, access: Access, key: str, with_relations: bool = True) -> Issue:
    """One issue by its key (ENG-42); NotFound if missing or not visible to the caller.
    `with_relations=False` skips loading assignees and labels, for callers that show neither."""
    parts = issue_key_parts(key)
    if parts is None:
        raise NotFound("Issue not found.", code="issue_not_found")
    issues = Issue.objects.select_related("project", "state")
    issue = (
        (_with_relations(issues) if with_relations else issues)
        .filter(
            project__in=visible_projects(access=access),
            project__key=parts[0],
            number=parts[1],
        )
        .first()
    )
    if issue is None:
        raise NotFound("Issue not found.", code="issue_not_found")
    return issue


ISSUE_SUBJECT = issue_events.ISSUE_SUBJECT


def issue_versions(*, issue_ids: set[uuid.UUID]) -> dict[uuid.UUID, int]:
    """The current version of each existing issue among `issue_ids`, in one query. Not scoped to
    an actor: for the relay, which publishes to audiences the event log already decided."""
    if not issue_ids:
        return {}
    return dict(Issue.objects.filter(pk__in=issue_ids).values_list("pk", "version"))


def issues_by_keys(*, access: Access, keys: list[str]) -> dict[str, Issue | None]:
    """Look up many keys in one query; a missing or invisible key maps to None."""
    wanted: dict[tuple[str, int], str] = {}
    for key in keys:
        parts = issue_key_parts(key)
        if parts is not None:
            wanted[parts] = key
    found: dict[str, Issue | None] = dict.fromkeys(keys)
    if wanted:
        condition = Q()
        for project_key, number in wanted:
            condition |= Q(project__key=project_key, number=number)
        issues = (
            Issue.objects.select_related("project", "state", "parent__project")
            .filter(project__in=visible_projects(access=access))
            .filter(condition)
        )
        for issue in issues:
            found[wanted[(issue.project.key, issue.number)]] = issue
    return found


def _ensure_can_see_issue(access: Access, issue: Issue) -> None:
    access.ensure_in_workspace(issue)
    if not access.can_see_project(issue.project_id):
        raise NotFound("Issue not found.", code="issue_not_found")


def comment_list(*, access: Access, issue: Issue) -> QuerySet[Comment]:
    _ensure_can_see_issue(access, issue)
    return Comment.objects.filter(issue=issue).select_related("author")


def comment_get(*, access: Access, issue: Issue, comment_id: str) -> Comment:
    comment = comment_list(access=access, issue=issue).filter(id=comment_id).first()
    if comment is None:
        raise NotFound("Comment not found.", code="comment_not_found")
    comment.issue = issue
    return comment


def issue_activity(*, access: Access, issue: Issue) -> QuerySet[Event]:
    """The issue's history: its events (comment events included), oldest first."""
    _ensure_can_see_issue(access, issue)
    return Event.objects.filter(
        workspace_id=issue.workspace_id, subject_type="issue", subject_id=issue.id
    ).select_related("actor")


def issue_relation_list(*, access: Access, issue: Issue) -> QuerySet[IssueRelation]:
    """The relations of `issue`, each from its side (`type` says how `issue` relates to
    `to_issue`), to issues the caller may see: a guest does not learn of issues in projects
    they were not added to. The other issue, its project and state come in the same query."""
    _ensure_can_see_issue(access, issue)
    relations = IssueRelation.objects.filter(from_issue=issue).select_related(
        "to_issue__project", "to_issue__state"
    )
    if access.visible_project_ids is not None:
        relations = relations.filter(to_issue__project_id__in=access.visible_project_ids)
    if access.deleted_project_ids:
        # Until the purge removes them, links to a deleted project's issues lead nowhere.
        relations = relations.exclude(to_issue__project_id__in=access.deleted_project_ids)
    return relations


RELATION_EVENT_NAMES = frozenset({issue_events.ISSUE_LINKED.name, issue_events.ISSUE_UNLINKED.name})


def relation_ends_redacted(*, access: Access, events: Sequence[Event]) -> list[Event]:
    """`events` as this reader may see them: in `issue.linked` / `issue.unlinked`, the other
    issue (its id and key) is left out when the reader cannot see its project, or it no longer
    exists, so a guest does not learn of issues in projects they were not added to. Readers who
    see every project get the events unchanged. One query for the whole page; the events are
    shown, never saved (their `changes` are replaced on the instances only)."""
    if access.visible_project_ids is None and not access.deleted_project_ids:
        return list(events)
    other_ids = {
        ref["id"]
        for event in events
        if event.name in RELATION_EVENT_NAMES
        for ref in _relation_refs(event)
    }
    if not other_ids:
        return list(events)
    projects = dict(Issue.objects.filter(pk__in=other_ids).values_list("id", "project_id"))
    visible = {
        str(issue_id)
        for issue_id, project_id in projects.items()
        if access.can_see_project(project_id)
    }
    for event in events:
        if event.name not in RELATION_EVENT_NAMES:
            continue
        if any(str(ref["id"]) not in visible for ref in _relation_refs(event)):
            event.changes = {key: value for key, value in event.changes.items() if key != "issue"}
    return list(events)


def _relation_refs(event: Event) -> list[dict[str, Any]]:
    change = event.changes.get("issue") or {}
    return [ref for ref in (change.get("old"), change.get("new")) if isinstance(ref, dict)]
