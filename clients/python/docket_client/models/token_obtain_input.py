from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refresh_transport_enum import RefreshTransportEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenObtainInput")


@_attrs_define
class TokenObtainInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        email (str):
        password (str):
        refresh_transport (RefreshTransportEnum | Unset): * `body` - body
            * `cookie` - cookie
        refresh (str | Unset): A refresh token of a session this client still holds, if any (a browser's cookie counts
            too): it may sign in while failed attempts from elsewhere have slowed the account down (429 `sign_in_backoff`).
    """

    email: str
    password: str
    refresh_transport: RefreshTransportEnum | Unset = UNSET
    refresh: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        refresh_transport: str | Unset = UNSET
        if not isinstance(self.refresh_transport, Unset):
            refresh_transport = self.refresh_transport.value

        refresh = self.refresh

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "password": password,
            }
        )
        if refresh_transport is not UNSET:
            field_dict["refresh_transport"] = refresh_transport
        if refresh is not UNSET:
            field_dict["refresh"] = refresh

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        _refresh_transport = d.pop("refresh_transport", UNSET)
        refresh_transport: RefreshTransportEnum | Unset
        if isinstance(_refresh_transport, Unset):
            refresh_transport = UNSET
        else:
            refresh_transport = RefreshTransportEnum(_refresh_transport)

        refresh = d.pop("refresh", UNSET)

        token_obtain_input = cls(
            email=email,
            password=password,
            refresh_transport=refresh_transport,
            refresh=refresh,
        )

        token_obtain_input.additional_properties = d
        return token_obtain_input

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
