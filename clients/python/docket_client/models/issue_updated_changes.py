from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issue_updated_changes_assignees import IssueUpdatedChangesAssignees
    from ..models.issue_updated_changes_completed_at import IssueUpdatedChangesCompletedAt
    from ..models.issue_updated_changes_description import IssueUpdatedChangesDescription
    from ..models.issue_updated_changes_due_date import IssueUpdatedChangesDueDate
    from ..models.issue_updated_changes_estimate import IssueUpdatedChangesEstimate
    from ..models.issue_updated_changes_external_ref import IssueUpdatedChangesExternalRef
    from ..models.issue_updated_changes_labels import IssueUpdatedChangesLabels
    from ..models.issue_updated_changes_parent import IssueUpdatedChangesParent
    from ..models.issue_updated_changes_priority import IssueUpdatedChangesPriority
    from ..models.issue_updated_changes_state import IssueUpdatedChangesState
    from ..models.issue_updated_changes_title import IssueUpdatedChangesTitle


T = TypeVar("T", bound="IssueUpdatedChanges")


@_attrs_define
class IssueUpdatedChanges:
    """`issue.updated` (subject: issue). Fields of an issue changed: by an edit, or as the consequence of another change
    (its state's category changed, a label or its parent was deleted).

        Attributes:
            title (IssueUpdatedChangesTitle | Unset):
            description (IssueUpdatedChangesDescription | Unset):
            state (IssueUpdatedChangesState | Unset):
            priority (IssueUpdatedChangesPriority | Unset):
            estimate (IssueUpdatedChangesEstimate | Unset):
            due_date (IssueUpdatedChangesDueDate | Unset):
            parent (IssueUpdatedChangesParent | Unset):
            assignees (IssueUpdatedChangesAssignees | Unset):
            labels (IssueUpdatedChangesLabels | Unset):
            completed_at (IssueUpdatedChangesCompletedAt | Unset):
            external_ref (IssueUpdatedChangesExternalRef | Unset):
    """

    title: IssueUpdatedChangesTitle | Unset = UNSET
    description: IssueUpdatedChangesDescription | Unset = UNSET
    state: IssueUpdatedChangesState | Unset = UNSET
    priority: IssueUpdatedChangesPriority | Unset = UNSET
    estimate: IssueUpdatedChangesEstimate | Unset = UNSET
    due_date: IssueUpdatedChangesDueDate | Unset = UNSET
    parent: IssueUpdatedChangesParent | Unset = UNSET
    assignees: IssueUpdatedChangesAssignees | Unset = UNSET
    labels: IssueUpdatedChangesLabels | Unset = UNSET
    completed_at: IssueUpdatedChangesCompletedAt | Unset = UNSET
    external_ref: IssueUpdatedChangesExternalRef | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title: dict[str, Any] | Unset = UNSET
        if not isinstance(self.title, Unset):
            title = self.title.to_dict()

        description: dict[str, Any] | Unset = UNSET
        if not isinstance(self.description, Unset):
            description = self.description.to_dict()

        state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.to_dict()

        priority: dict[str, Any] | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.to_dict()

        estimate: dict[str, Any] | Unset = UNSET
        if not isinstance(self.estimate, Unset):
            estimate = self.estimate.to_dict()

        due_date: dict[str, Any] | Unset = UNSET
        if not isinstance(self.due_date, Unset):
            due_date = self.due_date.to_dict()

        parent: dict[str, Any] | Unset = UNSET
        if not isinstance(self.parent, Unset):
            parent = self.parent.to_dict()

        assignees: dict[str, Any] | Unset = UNSET
        if not isinstance(self.assignees, Unset):
            assignees = self.assignees.to_dict()

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()

        completed_at: dict[str, Any] | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.to_dict()

        external_ref: dict[str, Any] | Unset = UNSET
        if not isinstance(self.external_ref, Unset):
            external_ref = self.external_ref.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if state is not UNSET:
            field_dict["state"] = state
        if priority is not UNSET:
            field_dict["priority"] = priority
        if estimate is not UNSET:
            field_dict["estimate"] = estimate
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if parent is not UNSET:
            field_dict["parent"] = parent
        if assignees is not UNSET:
            field_dict["assignees"] = assignees
        if labels is not UNSET:
            field_dict["labels"] = labels
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_updated_changes_assignees import (
            IssueUpdatedChangesAssignees,  # noqa: PLC0415
        )
        from ..models.issue_updated_changes_completed_at import (
            IssueUpdatedChangesCompletedAt,  # noqa: PLC0415
        )
        from ..models.issue_updated_changes_description import (
            IssueUpdatedChangesDescription,  # noqa: PLC0415
        )
        from ..models.issue_updated_changes_due_date import IssueUpdatedChangesDueDate  # noqa: PLC0415
        from ..models.issue_updated_changes_estimate import IssueUpdatedChangesEstimate  # noqa: PLC0415
        from ..models.issue_updated_changes_external_ref import (
            IssueUpdatedChangesExternalRef,  # noqa: PLC0415
        )
        from ..models.issue_updated_changes_labels import IssueUpdatedChangesLabels  # noqa: PLC0415
        from ..models.issue_updated_changes_parent import IssueUpdatedChangesParent  # noqa: PLC0415
        from ..models.issue_updated_changes_priority import IssueUpdatedChangesPriority  # noqa: PLC0415
        from ..models.issue_updated_changes_state import IssueUpdatedChangesState  # noqa: PLC0415
        from ..models.issue_updated_changes_title import IssueUpdatedChangesTitle  # noqa: PLC0415

        d = dict(src_dict)
        _title = d.pop("title", UNSET)
        title: IssueUpdatedChangesTitle | Unset
        if isinstance(_title, Unset):
            title = UNSET
        else:
            title = IssueUpdatedChangesTitle.from_dict(_title)

        _description = d.pop("description", UNSET)
        description: IssueUpdatedChangesDescription | Unset
        if isinstance(_description, Unset):
            description = UNSET
        else:
            description = IssueUpdatedChangesDescription.from_dict(_description)

        _state = d.pop("state", UNSET)
        state: IssueUpdatedChangesState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = IssueUpdatedChangesState.from_dict(_state)

        _priority = d.pop("priority", UNSET)
        priority: IssueUpdatedChangesPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = IssueUpdatedChangesPriority.from_dict(_priority)

        _estimate = d.pop("estimate", UNSET)
        estimate: IssueUpdatedChangesEstimate | Unset
        if isinstance(_estimate, Unset):
            estimate = UNSET
        else:
            estimate = IssueUpdatedChangesEstimate.from_dict(_estimate)

        _due_date = d.pop("due_date", UNSET)
        due_date: IssueUpdatedChangesDueDate | Unset
        if isinstance(_due_date, Unset):
            due_date = UNSET
        else:
            due_date = IssueUpdatedChangesDueDate.from_dict(_due_date)

        _parent = d.pop("parent", UNSET)
        parent: IssueUpdatedChangesParent | Unset
        if isinstance(_parent, Unset):
            parent = UNSET
        else:
            parent = IssueUpdatedChangesParent.from_dict(_parent)

        _assignees = d.pop("assignees", UNSET)
        assignees: IssueUpdatedChangesAssignees | Unset
        if isinstance(_assignees, Unset):
            assignees = UNSET
        else:
            assignees = IssueUpdatedChangesAssignees.from_dict(_assignees)

        _labels = d.pop("labels", UNSET)
        labels: IssueUpdatedChangesLabels | Unset
        if isinstance(_labels, Unset):
            labels = UNSET
        else:
            labels = IssueUpdatedChangesLabels.from_dict(_labels)

        _completed_at = d.pop("completed_at", UNSET)
        completed_at: IssueUpdatedChangesCompletedAt | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = IssueUpdatedChangesCompletedAt.from_dict(_completed_at)

        _external_ref = d.pop("external_ref", UNSET)
        external_ref: IssueUpdatedChangesExternalRef | Unset
        if isinstance(_external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = IssueUpdatedChangesExternalRef.from_dict(_external_ref)

        issue_updated_changes = cls(
            title=title,
            description=description,
            state=state,
            priority=priority,
            estimate=estimate,
            due_date=due_date,
            parent=parent,
            assignees=assignees,
            labels=labels,
            completed_at=completed_at,
            external_ref=external_ref,
        )

        issue_updated_changes.additional_properties = d
        return issue_updated_changes

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
