from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.state_updated_changes_category import StateUpdatedChangesCategory
    from ..models.state_updated_changes_color import StateUpdatedChangesColor
    from ..models.state_updated_changes_name import StateUpdatedChangesName


T = TypeVar("T", bound="StateUpdatedChanges")


@_attrs_define
class StateUpdatedChanges:
    """`state.updated` (subject: state). A state was renamed, recolored or recategorized.

    Attributes:
        name (StateUpdatedChangesName | Unset):
        category (StateUpdatedChangesCategory | Unset):
        color (StateUpdatedChangesColor | Unset):
    """

    name: StateUpdatedChangesName | Unset = UNSET
    category: StateUpdatedChangesCategory | Unset = UNSET
    color: StateUpdatedChangesColor | Unset = UNSET
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
        from ..models.state_updated_changes_category import StateUpdatedChangesCategory  # noqa: PLC0415
        from ..models.state_updated_changes_color import StateUpdatedChangesColor  # noqa: PLC0415
        from ..models.state_updated_changes_name import StateUpdatedChangesName  # noqa: PLC0415

        d = dict(src_dict)
        _name = d.pop("name", UNSET)
        name: StateUpdatedChangesName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = StateUpdatedChangesName.from_dict(_name)

        _category = d.pop("category", UNSET)
        category: StateUpdatedChangesCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = StateUpdatedChangesCategory.from_dict(_category)

        _color = d.pop("color", UNSET)
        color: StateUpdatedChangesColor | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = StateUpdatedChangesColor.from_dict(_color)

        state_updated_changes = cls(
            name=name,
            category=category,
            color=color,
        )

        state_updated_changes.additional_properties = d
        return state_updated_changes

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
