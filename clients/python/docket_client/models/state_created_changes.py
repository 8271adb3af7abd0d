from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.state_created_changes_category import StateCreatedChangesCategory
    from ..models.state_created_changes_color import StateCreatedChangesColor
    from ..models.state_created_changes_name import StateCreatedChangesName


T = TypeVar("T", bound="StateCreatedChanges")


@_attrs_define
class StateCreatedChanges:
    """`state.created` (subject: state). A state was added.

    Attributes:
        name (StateCreatedChangesName | Unset):
        category (StateCreatedChangesCategory | Unset):
        color (StateCreatedChangesColor | Unset):
    """

    name: StateCreatedChangesName | Unset = UNSET
    category: StateCreatedChangesCategory | Unset = UNSET
    color: StateCreatedChangesColor | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()

        category: dict[str, Any] | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.to_dict()

        color: dict[str, Any] | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if category is not UNSET:
            field_dict["category"] = category
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.state_created_changes_category import StateCreatedChangesCategory  # noqa: PLC0415
        from ..models.state_created_changes_color import StateCreatedChangesColor  # noqa: PLC0415
        from ..models.state_created_changes_name import StateCreatedChangesName  # noqa: PLC0415

        d = dict(src_dict)
        _name = d.pop("name", UNSET)
        name: StateCreatedChangesName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = StateCreatedChangesName.from_dict(_name)

        _category = d.pop("category", UNSET)
        category: StateCreatedChangesCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = StateCreatedChangesCategory.from_dict(_category)

        _color = d.pop("color", UNSET)
        color: StateCreatedChangesColor | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = StateCreatedChangesColor.from_dict(_color)

        state_created_changes = cls(
            name=name,
            category=category,
            color=color,
        )

        state_created_changes.additional_properties = d
        return state_created_changes

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
