from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.label_updated_changes_color import LabelUpdatedChangesColor
    from ..models.label_updated_changes_name import LabelUpdatedChangesName


T = TypeVar("T", bound="LabelUpdatedChanges")


@_attrs_define
class LabelUpdatedChanges:
    """`label.updated` (subject: label). A label was renamed or recolored.

    Attributes:
        name (LabelUpdatedChangesName | Unset):
        color (LabelUpdatedChangesColor | Unset):
    """

    name: LabelUpdatedChangesName | Unset = UNSET
    color: LabelUpdatedChangesColor | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()

        color: dict[str, Any] | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if color is not UNSET:
            field_dict["color"] = color

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.label_updated_changes_color import LabelUpdatedChangesColor  # noqa: PLC0415
        from ..models.label_updated_changes_name import LabelUpdatedChangesName  # noqa: PLC0415

        d = dict(src_dict)
        _name = d.pop("name", UNSET)
        name: LabelUpdatedChangesName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = LabelUpdatedChangesName.from_dict(_name)

        _color = d.pop("color", UNSET)
        color: LabelUpdatedChangesColor | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = LabelUpdatedChangesColor.from_dict(_color)

        label_updated_changes = cls(
            name=name,
            color=color,
        )

        label_updated_changes.additional_properties = d
        return label_updated_changes

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
