from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OAuthAppCreatedOutput")


@_attrs_define
class OAuthAppCreatedOutput:
    """
    Attributes:
        id (UUID):
        name (str):
        client_id (str):
        redirect_uris (list[str]):
        confidential (bool):
        created_at (datetime.datetime):
        client_secret (str): Shown once (empty for a public client); only a hash is kept.
    """

    id: UUID
    name: str
    client_id: str
    redirect_uris: list[str]
    confidential: bool
    created_at: datetime.datetime
    client_secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        client_id = self.client_id

        redirect_uris = self.redirect_uris

        confidential = self.confidential

        created_at = self.created_at.isoformat()

        client_secret = self.client_secret

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "client_id": client_id,
                "redirect_uris": redirect_uris,
                "confidential": confidential,
                "created_at": created_at,
                "client_secret": client_secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        client_id = d.pop("client_id")

        redirect_uris = cast(list[str], d.pop("redirect_uris"))

        confidential = d.pop("confidential")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        client_secret = d.pop("client_secret")

        o_auth_app_created_output = cls(
            id=id,
            name=name,
            client_id=client_id,
            redirect_uris=redirect_uris,
            confidential=confidential,
            created_at=created_at,
            client_secret=client_secret,
        )

        o_auth_app_created_output.additional_properties = d
        return o_auth_app_created_output

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
