from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationSettingsInput")


@_attrs_define
class NotificationSettingsInput:
    """Each setting may be given alone; one not given keeps its value.

    Attributes:
        email_enabled (bool | Unset):
        digest_enabled (bool | Unset):
    """

    email_enabled: bool | Unset = UNSET
    digest_enabled: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_enabled = self.email_enabled

        digest_enabled = self.digest_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email_enabled is not UNSET:
            field_dict["email_enabled"] = email_enabled
        if digest_enabled is not UNSET:
            field_dict["digest_enabled"] = digest_enabled

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_enabled = d.pop("email_enabled", UNSET)

        digest_enabled = d.pop("digest_enabled", UNSET)

        notification_settings_input = cls(
            email_enabled=email_enabled,
            digest_enabled=digest_enabled,
        )

        notification_settings_input.additional_properties = d
        return notification_settings_input

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
