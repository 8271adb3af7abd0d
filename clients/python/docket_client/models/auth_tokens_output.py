from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.me_output import MeOutput


T = TypeVar("T", bound="AuthTokensOutput")


@_attrs_define
class AuthTokensOutput:
    """
    Attributes:
        access (str): Bearer token for `Authorization`; short-lived.
        access_expires_at (datetime.datetime):
        refresh (None | str): Null when the refresh token was set as a cookie.
        refresh_expires_at (datetime.datetime):
        user (MeOutput):
    """

    access: str
    access_expires_at: datetime.datetime
    refresh: None | str
    refresh_expires_at: datetime.datetime
    user: MeOutput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        access = self.access

        access_expires_at = self.access_expires_at.isoformat()

        refresh: None | str
        refresh = self.refresh

        refresh_expires_at = self.refresh_expires_at.isoformat()

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "access": access,
                "access_expires_at": access_expires_at,
                "refresh": refresh,
                "refresh_expires_at": refresh_expires_at,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.me_output import MeOutput  # noqa: PLC0415

        d = dict(src_dict)
        access = d.pop("access")

        access_expires_at = datetime.datetime.fromisoformat(d.pop("access_expires_at"))

        def _parse_refresh(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        refresh = _parse_refresh(d.pop("refresh"))

        refresh_expires_at = datetime.datetime.fromisoformat(d.pop("refresh_expires_at"))

        user = MeOutput.from_dict(d.pop("user"))

        auth_tokens_output = cls(
            access=access,
            access_expires_at=access_expires_at,
            refresh=refresh,
            refresh_expires_at=refresh_expires_at,
            user=user,
        )

        auth_tokens_output.additional_properties = d
        return auth_tokens_output

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
