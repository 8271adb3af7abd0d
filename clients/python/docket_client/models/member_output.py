from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_enum import RoleEnum

if TYPE_CHECKING:
    from ..models.member_capabilities import MemberCapabilities
    from ..models.user_summary_output import UserSummaryOutput


T = TypeVar("T", bound="MemberOutput")


@_attrs_define
class MemberOutput:
    """
    Attributes:
        user (UserSummaryOutput): A person wherever an answer names one (assignee, reporter, author, lead, member,
            actor).
            The one place that decides whether their address is shown: only to a reader whose role may
            list the workspace's members, never to a guest.
        role (RoleEnum): * `owner` - Owner
            * `admin` - Admin
            * `member` - Member
            * `guest` - Guest
        joined_at (datetime.datetime):
        capabilities (MemberCapabilities):
    """

    user: UserSummaryOutput
    role: RoleEnum
    joined_at: datetime.datetime
    capabilities: MemberCapabilities
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user = self.user.to_dict()

        role = self.role.value

        joined_at = self.joined_at.isoformat()

        capabilities = self.capabilities.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "role": role,
                "joined_at": joined_at,
                "capabilities": capabilities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_capabilities import MemberCapabilities  # noqa: PLC0415
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        d = dict(src_dict)
        user = UserSummaryOutput.from_dict(d.pop("user"))

        role = RoleEnum(d.pop("role"))

        joined_at = datetime.datetime.fromisoformat(d.pop("joined_at"))

        capabilities = MemberCapabilities.from_dict(d.pop("capabilities"))

        member_output = cls(
            user=user,
            role=role,
            joined_at=joined_at,
            capabilities=capabilities,
        )

        member_output.additional_properties = d
        return member_output

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
