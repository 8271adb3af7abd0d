from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refresh_transport_enum import RefreshTransportEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterInput")


@_attrs_define
class RegisterInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        email (str):
        password (str):
        display_name (str):
        timezone (str | Unset): Defaults to `UTC`.
        refresh_transport (RefreshTransportEnum | Unset): * `body` - body
            * `cookie` - cookie
    """

    email: str
    password: str
    display_name: str
    timezone: str | Unset = UNSET
    refresh_transport: RefreshTransportEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        display_name = self.display_name

        timezone = self.timezone

        refresh_transport: str | Unset = UNSET
        if not isinstance(self.refresh_transport, Unset):
            refresh_transport = self.refresh_transport.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "password": password,
                "display_name": display_name,
            }
        )
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if refresh_transport is not UNSET:
            field_dict["refresh_transport"] = refresh_transport

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        display_name = d.pop("display_name")

        timezone = d.pop("timezone", UNSET)

        _refresh_transport = d.pop("refresh_transport", UNSET)
        refresh_transport: RefreshTransportEnum | Unset
        if isinstance(_refresh_transport, Unset):
            refresh_transport = UNSET
        else:
            refresh_transport = RefreshTransportEnum(_refresh_transport)

        register_input = cls(
            email=email,
            password=password,
            display_name=display_name,
            timezone=timezone,
            refresh_transport=refresh_transport,
        )

        register_input.additional_properties = d
        return register_input

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
