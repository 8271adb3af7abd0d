from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.user_summary_output import UserSummaryOutput


T = TypeVar("T", bound="OAuthInstallationOutput")


@_attrs_define
class OAuthInstallationOutput:
    """
    Attributes:
        id (int): The access token's id; revoke to end the install.
        app_id (UUID):
        app_name (str):
        member (UserSummaryOutput): A person wherever an answer names one (assignee, reporter, author, lead, member,
            actor).
            The one place that decides whether their address is shown: only to a reader whose role may
            list the workspace's members, never to a guest.
        scopes (list[str]):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
    """

    id: int
    app_id: UUID
    app_name: str
    member: UserSummaryOutput
    scopes: list[str]
    created_at: datetime.datetime
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        app_id = str(self.app_id)

        app_name = self.app_name

        member = self.member.to_dict()

        scopes = self.scopes

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "app_id": app_id,
                "app_name": app_name,
                "member": member,
                "scopes": scopes,
                "created_at": created_at,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        app_id = UUID(d.pop("app_id"))

        app_name = d.pop("app_name")

        member = UserSummaryOutput.from_dict(d.pop("member"))

        scopes = cast(list[str], d.pop("scopes"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        o_auth_installation_output = cls(
            id=id,
            app_id=app_id,
            app_name=app_name,
            member=member,
            scopes=scopes,
            created_at=created_at,
            expires_at=expires_at,
        )

        o_auth_installation_output.additional_properties = d
        return o_auth_installation_output

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
