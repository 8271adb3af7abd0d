from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NotificationSettingsOutput")


@_attrs_define
class NotificationSettingsOutput:
    """
    Attributes:
        email_enabled (bool): Email notifications (every workspace); in-app ones always arrive.
        digest_enabled (bool): A daily email of the day's unread notifications (sent only when email_enabled is on too).
    """

    email_enabled: bool
    digest_enabled: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email_enabled = self.email_enabled

        digest_enabled = self.digest_enabled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email_enabled": email_enabled,
                "digest_enabled": digest_enabled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email_enabled = d.pop("email_enabled")

        digest_enabled = d.pop("digest_enabled")

        notification_settings_output = cls(
            email_enabled=email_enabled,
            digest_enabled=digest_enabled,
        )

        notification_settings_output.additional_properties = d
        return notification_settings_output

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
