from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OAuthAppCreateInput")


@_attrs_define
class OAuthAppCreateInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        name (str): Shown to members on the consent screen.
        redirect_uris (list[str]): Exact redirect URIs the app may send members back to.
        confidential (bool | Unset): A server-side app that keeps a client secret; false for a public client (a mobile
            or single-page app: PKCE alone). Defaults to `true`.
    """

    name: str
    redirect_uris: list[str]
    confidential: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        redirect_uris = self.redirect_uris

        confidential = self.confidential

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "redirect_uris": redirect_uris,
            }
        )
        if confidential is not UNSET:
            field_dict["confidential"] = confidential

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        redirect_uris = cast(list[str], d.pop("redirect_uris"))

        confidential = d.pop("confidential", UNSET)

        o_auth_app_create_input = cls(
            name=name,
            redirect_uris=redirect_uris,
            confidential=confidential,
        )

        o_auth_app_create_input.additional_properties = d
        return o_auth_app_create_input

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
