from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issue_created_changes_assignees import IssueCreatedChangesAssignees
    from ..models.issue_created_changes_completed_at import IssueCreatedChangesCompletedAt
    from ..models.issue_created_changes_description import IssueCreatedChangesDescription
    from ..models.issue_created_changes_due_date import IssueCreatedChangesDueDate
    from ..models.issue_created_changes_estimate import IssueCreatedChangesEstimate
    from ..models.issue_created_changes_external_ref import IssueCreatedChangesExternalRef
    from ..models.issue_created_changes_labels import IssueCreatedChangesLabels
    from ..models.issue_created_changes_parent import IssueCreatedChangesParent
    from ..models.issue_created_changes_priority import IssueCreatedChangesPriority
    from ..models.issue_created_changes_state import IssueCreatedChangesState
    from ..models.issue_created_changes_title import IssueCreatedChangesTitle


T = TypeVar("T", bound="IssueCreatedChanges")


@_attrs_define
class IssueCreatedChanges:
    """`issue.created` (subject: issue). An issue was created.

    Attributes:
        title (IssueCreatedChangesTitle | Unset):
        description (IssueCreatedChangesDescription | Unset):
        state (IssueCreatedChangesState | Unset):
        priority (IssueCreatedChangesPriority | Unset):
        estimate (IssueCreatedChangesEstimate | Unset):
        due_date (IssueCreatedChangesDueDate | Unset):
        parent (IssueCreatedChangesParent | Unset):
        assignees (IssueCreatedChangesAssignees | Unset):
        labels (IssueCreatedChangesLabels | Unset):
        completed_at (IssueCreatedChangesCompletedAt | Unset):
        external_ref (IssueCreatedChangesExternalRef | Unset):
    """

    title: IssueCreatedChangesTitle | Unset = UNSET
    description: IssueCreatedChangesDescription | Unset = UNSET
    state: IssueCreatedChangesState | Unset = UNSET
    priority: IssueCreatedChangesPriority | Unset = UNSET
    estimate: IssueCreatedChangesEstimate | Unset = UNSET
    due_date: IssueCreatedChangesDueDate | Unset = UNSET
    parent: IssueCreatedChangesParent | Unset = UNSET
    assignees: IssueCreatedChangesAssignees | Unset = UNSET
    labels: IssueCreatedChangesLabels | Unset = UNSET
    completed_at: IssueCreatedChangesCompletedAt | Unset = UNSET
    external_ref: IssueCreatedChangesExternalRef | Unset = UNSET
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
        from ..models.issue_created_changes_assignees import (
            IssueCreatedChangesAssignees,  # noqa: PLC0415
        )
        from ..models.issue_created_changes_completed_at import (
            IssueCreatedChangesCompletedAt,  # noqa: PLC0415
        )
        from ..models.issue_created_changes_description import (
            IssueCreatedChangesDescription,  # noqa: PLC0415
        )
        from ..models.issue_created_changes_due_date import IssueCreatedChangesDueDate  # noqa: PLC0415
        from ..models.issue_created_changes_estimate import IssueCreatedChangesEstimate  # noqa: PLC0415
        from ..models.issue_created_changes_external_ref import (
            IssueCreatedChangesExternalRef,  # noqa: PLC0415
        )
        from ..models.issue_created_changes_labels import IssueCreatedChangesLabels  # noqa: PLC0415
        from ..models.issue_created_changes_parent import IssueCreatedChangesParent  # noqa: PLC0415
        from ..models.issue_created_changes_priority import IssueCreatedChangesPriority  # noqa: PLC0415
        from ..models.issue_created_changes_state import IssueCreatedChangesState  # noqa: PLC0415
        from ..models.issue_created_changes_title import IssueCreatedChangesTitle  # noqa: PLC0415

        d = dict(src_dict)
        _title = d.pop("title", UNSET)
        title: IssueCreatedChangesTitle | Unset
        if isinstance(_title, Unset):
            title = UNSET
        else:
            title = IssueCreatedChangesTitle.from_dict(_title)

        _description = d.pop("description", UNSET)
        description: IssueCreatedChangesDescription | Unset
        if isinstance(_description, Unset):
            description = UNSET
        else:
            description = IssueCreatedChangesDescription.from_dict(_description)

        _state = d.pop("state", UNSET)
        state: IssueCreatedChangesState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = IssueCreatedChangesState.from_dict(_state)

        _priority = d.pop("priority", UNSET)
        priority: IssueCreatedChangesPriority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = IssueCreatedChangesPriority.from_dict(_priority)

        _estimate = d.pop("estimate", UNSET)
        estimate: IssueCreatedChangesEstimate | Unset
        if isinstance(_estimate, Unset):
            estimate = UNSET
        else:
            estimate = IssueCreatedChangesEstimate.from_dict(_estimate)

        _due_date = d.pop("due_date", UNSET)
        due_date: IssueCreatedChangesDueDate | Unset
        if isinstance(_due_date, Unset):
            due_date = UNSET
        else:
            due_date = IssueCreatedChangesDueDate.from_dict(_due_date)

        _parent = d.pop("parent", UNSET)
        parent: IssueCreatedChangesParent | Unset
        if isinstance(_parent, Unset):
            parent = UNSET
        else:
            parent = IssueCreatedChangesParent.from_dict(_parent)

        _assignees = d.pop("assignees", UNSET)
        assignees: IssueCreatedChangesAssignees | Unset
        if isinstance(_assignees, Unset):
            assignees = UNSET
        else:
            assignees = IssueCreatedChangesAssignees.from_dict(_assignees)

        _labels = d.pop("labels", UNSET)
        labels: IssueCreatedChangesLabels | Unset
        if isinstance(_labels, Unset):
            labels = UNSET
        else:
            labels = IssueCreatedChangesLabels.from_dict(_labels)

        _completed_at = d.pop("completed_at", UNSET)
        completed_at: IssueCreatedChangesCompletedAt | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = IssueCreatedChangesCompletedAt.from_dict(_completed_at)

        _external_ref = d.pop("external_ref", UNSET)
        external_ref: IssueCreatedChangesExternalRef | Unset
        if isinstance(_external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = IssueCreatedChangesExternalRef.from_dict(_external_ref)

        issue_created_changes = cls(
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

        issue_created_changes.additional_properties = d
        return issue_created_changes

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
