from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.project_states_reordered_changes_state_ids import (
        ProjectStatesReorderedChangesStateIds,
    )


T = TypeVar("T", bound="ProjectStatesReorderedChanges")


@_attrs_define
class ProjectStatesReorderedChanges:
    """`project.states_reordered` (subject: project). The project's workflow states were put in a new order.

    Attributes:
        state_ids (ProjectStatesReorderedChangesStateIds | Unset):
    """

    state_ids: ProjectStatesReorderedChangesStateIds | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state_ids: dict[str, Any] | Unset = UNSET
        if not isinstance(self.state_ids, Unset):
            state_ids = self.state_ids.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if state_ids is not UNSET:
            field_dict["state_ids"] = state_ids

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_states_reordered_changes_state_ids import (
            ProjectStatesReorderedChangesStateIds,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _state_ids = d.pop("state_ids", UNSET)
        state_ids: ProjectStatesReorderedChangesStateIds | Unset
        if isinstance(_state_ids, Unset):
            state_ids = UNSET
        else:
            state_ids = ProjectStatesReorderedChangesStateIds.from_dict(_state_ids)

        project_states_reordered_changes = cls(
            state_ids=state_ids,
        )

        project_states_reordered_changes.additional_properties = d
        return project_states_reordered_changes

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
