from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.label_deleted_changes_name import LabelDeletedChangesName


T = TypeVar("T", bound="LabelDeletedChanges")


@_attrs_define
class LabelDeletedChanges:
    """`label.deleted` (subject: label). A label was deleted; each issue that had it records issue.updated.

    Attributes:
        name (LabelDeletedChangesName | Unset):
    """

    name: LabelDeletedChangesName | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.label_deleted_changes_name import LabelDeletedChangesName  # noqa: PLC0415

        d = dict(src_dict)
        _name = d.pop("name", UNSET)
        name: LabelDeletedChangesName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = LabelDeletedChangesName.from_dict(_name)

        label_deleted_changes = cls(
            name=name,
        )

        label_deleted_changes.additional_properties = d
        return label_deleted_changes

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
