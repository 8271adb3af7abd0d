"""Relations between issues: "ENG-4 blocks OPS-7".

A relation is stored as two IssueRelation rows, one from each end, the mirror holding the
inverse kind (ENG-4 blocks OPS-7, OPS-7 blocked_by ENG-4), so that either issue lists it with one
indexed lookup. Writes lock the two issue rows (by id, the order every issue write uses; no
project row is needed since no number is allocated) and record an event on each issue.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction

from docket.core.access import Access
from docket.core.errors import Conflict, NotFound, ValidationFailed
from docket.core.events import EventType, created, deleted, emit
from docket.core.models import Event
from docket.issues import events
from docket.issues.history import issue_event
from docket.issues.locks import lock_issues
from docket.issues.models import INVERSE_RELATION, Issue, IssueRelation, RelationKind
from docket.issues.preconditions import ensure_open
from docket.projects.models import Project
from docket.projects.permissions import ensure_can_contribute


def _issue_ref(issue: Issue) -> dict[str, str]:
    return {"id": str(issue.id), "key": issue.key}


def relation_event(
    kind: EventType, *, access: Access, issue: Issue, other: Issue, relation: str, linked: bool
) -> Event:
    """`issue.linked` / `issue.unlinked` on `issue`, naming the other end and the relation as
    seen from `issue`."""
    values = {"issue": _issue_ref(other), "relation": relation}
    changes: dict[str, Any] = created(values) if linked else deleted(values)
    return issue_event(kind, access=access, issue=issue, changes=changes)


def _check(access: Access, issue: Issue, other: Issue) -> None:
    ensure_can_contribute(access, action="relate issues")
    access.ensure_can_see(issue.project)
    access.ensure_can_see(other.project)
    if other.pk == issue.pk:
        raise ValidationFailed.for_field(
            "issue_key", "self_relation", "An issue cannot be related to itself."
        )
    ensure_open(issue.project)
    ensure_open(other.project)


def _lock_both(issue: Issue, other: Issue) -> None:
    if len(lock_issues([issue, other])) != 2:
        raise NotFound("Issue not found.", code="issue_not_found")


def issue_relate(
    *, access: Access, issue: Issue, other: Issue, kind: str = RelationKind.RELATES
) -> bool:
    """Record that `issue` `kind` `other` (e.g. blocks), and the inverse from `other`. Both
    issues of the caller's workspace, visible to them and in open projects; members and above.
    Records `issue.linked` on both. Idempotent: the same relation again writes nothing and
    returns False. Conflict (`already_related`) if the two are related another way (remove
    that first); ValidationFailed (`self_relation`) for an issue and itself."""
    _check(access, issue, other)
    kind = RelationKind(kind)
    with transaction.atomic():
        _lock_both(issue, other)
        existing = IssueRelation.objects.filter(from_issue=issue, to_issue=other).first()
        if existing is not None:
            if existing.type == kind:
                return False
            raise Conflict(
                f"{issue.key} and {other.key} are already related ({existing.type}); "
                "remove that relation first.",
                code="already_related",
            )
        inverse = INVERSE_RELATION[kind]
        IssueRelation.objects.bulk_create(
            [
                IssueRelation(from_issue=issue, to_issue=other, type=kind),
                IssueRelation(from_issue=other, to_issue=issue, type=inverse),
            ]
        )
        emit(
            relation_event(
                events.ISSUE_LINKED,
                access=access,
                issue=issue,
                other=other,
                relation=kind,
                linked=True,
            ),
            relation_event(
                events.ISSUE_LINKED,
                access=access,
                issue=other,
                other=issue,
                relation=inverse,
                linked=True,
            ),
        )
    return True


def issue_unrelate(*, access: Access, issue: Issue, other: Issue) -> bool:
    """Remove the relation between two issues, both ways, whatever its kind. Members and above,
    both projects open. Records `issue.unlinked` on both; issues that were not related are a
    no-op (returns False, writes nothing)."""
    _check(access, issue, other)
    with transaction.atomic():
        _lock_both(issue, other)
        rows = list(
            IssueRelation.objects.filter(from_issue=issue, to_issue=other)
            | IssueRelation.objects.filter(from_issue=other, to_issue=issue)
        )
        if not rows:
            return False
        IssueRelation.objects.filter(pk__in=[row.pk for row in rows]).delete()
        ends = {row.from_issue_id: row for row in rows}
        emit(
            *(
                relation_event(
                    events.ISSUE_UNLINKED,
                    access=access,
                    issue=subject,
                    other=end,
                    relation=ends[subject.pk].type,
                    linked=False,
                )
                for subject, end in ((issue, other), (other, issue))
                if subject.pk in ends
            )
        )
    return True


def relations_cleared_events(
    issues: Sequence[Issue] = (), *, project: Project | None = None, access: Access
) -> list[Event]:
    """`issue.unlinked` on each issue related to one of `issues` (or to an issue of `project`)
    and not itself one of them, which are about to be deleted: their relation rows go with them.
    Each names the issue it lost and the relation as it saw it. One query; call inside the
    deleting transaction."""
    if project is not None:
        relations = IssueRelation.objects.filter(to_issue__project=project).exclude(
            from_issue__project=project
        )
    else:
        relations = IssueRelation.objects.filter(to_issue__in=list(issues)).exclude(
            from_issue__in=list(issues)
        )
    return [
        issue_event(
            events.ISSUE_UNLINKED,
            access=access,
            issue=relation.from_issue,
            changes={
                "issue": {
                    "old": {"id": str(relation.to_issue.id), "key": relation.to_issue.key},
                    "new": None,
                },
                "relation": {"old": relation.type, "new": None},
            },
        )
        for relation in relations.select_related(
            "from_issue__project", "to_issue__project"
        ).order_by("from_issue_id", "to_issue_id")
    ]
