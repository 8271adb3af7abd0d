from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MemberCapabilities")


@_attrs_define
class MemberCapabilities:
    """
    Attributes:
        change_role (bool): Change this member's role (to a role no higher than the caller's own).
        remove (bool): Remove this member (or leave, for oneself).
    """

    change_role: bool
    remove: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        change_role = self.change_role

        remove = self.remove

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "change_role": change_role,
                "remove": remove,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        change_role = d.pop("change_role")

        remove = d.pop("remove")

        member_capabilities = cls(
            change_role=change_role,
            remove=remove,
        )

        member_capabilities.additional_properties = d
        return member_capabilities

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
