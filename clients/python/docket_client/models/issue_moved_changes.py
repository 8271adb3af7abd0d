from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issue_moved_changes_completed_at import IssueMovedChangesCompletedAt
    from ..models.issue_moved_changes_position import IssueMovedChangesPosition
    from ..models.issue_moved_changes_state import IssueMovedChangesState


T = TypeVar("T", bound="IssueMovedChanges")


@_attrs_define
class IssueMovedChanges:
    """`issue.moved` (subject: issue). An issue moved on the board: a new place in its column, or another state.

    Attributes:
        position (IssueMovedChangesPosition | Unset):
        state (IssueMovedChangesState | Unset):
        completed_at (IssueMovedChangesCompletedAt | Unset):
    """

    position: IssueMovedChangesPosition | Unset = UNSET
    state: IssueMovedChangesState | Unset = UNSET
    completed_at: IssueMovedChangesCompletedAt | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position: dict[str, Any] | Unset = UNSET
        if not isinstance(self.position, Unset):
            position = self.position.to_dict()

        state: dict[str, Any] | Unset = UNSET
        if not isinstance(self.state, Unset):
            state = self.state.to_dict()

        completed_at: dict[str, Any] | Unset = UNSET
        if not isinstance(self.completed_at, Unset):
            completed_at = self.completed_at.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if position is not UNSET:
            field_dict["position"] = position
        if state is not UNSET:
            field_dict["state"] = state
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_moved_changes_completed_at import (
            IssueMovedChangesCompletedAt,  # noqa: PLC0415
        )
        from ..models.issue_moved_changes_position import IssueMovedChangesPosition  # noqa: PLC0415
        from ..models.issue_moved_changes_state import IssueMovedChangesState  # noqa: PLC0415

        d = dict(src_dict)
        _position = d.pop("position", UNSET)
        position: IssueMovedChangesPosition | Unset
        if isinstance(_position, Unset):
            position = UNSET
        else:
            position = IssueMovedChangesPosition.from_dict(_position)

        _state = d.pop("state", UNSET)
        state: IssueMovedChangesState | Unset
        if isinstance(_state, Unset):
            state = UNSET
        else:
            state = IssueMovedChangesState.from_dict(_state)

        _completed_at = d.pop("completed_at", UNSET)
        completed_at: IssueMovedChangesCompletedAt | Unset
        if isinstance(_completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = IssueMovedChangesCompletedAt.from_dict(_completed_at)

        issue_moved_changes = cls(
            position=position,
            state=state,
            completed_at=completed_at,
        )

        issue_moved_changes.additional_properties = d
        return issue_moved_changes

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
