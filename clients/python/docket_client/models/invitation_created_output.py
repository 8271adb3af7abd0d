from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_enum import RoleEnum

if TYPE_CHECKING:
    from ..models.user_summary_output import UserSummaryOutput


T = TypeVar("T", bound="InvitationCreatedOutput")


@_attrs_define
class InvitationCreatedOutput:
    """
    Attributes:
        id (UUID):
        email (str):
        role (RoleEnum): * `owner` - Owner
            * `admin` - Admin
            * `member` - Member
            * `guest` - Guest
        invited_by (None | UserSummaryOutput):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        token (str): Shown once. The invitee accepts with it (POST /invitations/accept).
    """

    id: UUID
    email: str
    role: RoleEnum
    invited_by: None | UserSummaryOutput
    created_at: datetime.datetime
    expires_at: datetime.datetime
    token: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        id = str(self.id)

        email = self.email

        role = self.role.value

        invited_by: dict[str, Any] | None
        if isinstance(self.invited_by, UserSummaryOutput):
            invited_by = self.invited_by.to_dict()
        else:
            invited_by = self.invited_by

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "email": email,
                "role": role,
                "invited_by": invited_by,
                "created_at": created_at,
                "expires_at": expires_at,
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        role = RoleEnum(d.pop("role"))

        def _parse_invited_by(data: object) -> None | UserSummaryOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                invited_by_type_1 = UserSummaryOutput.from_dict(data)

                return invited_by_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummaryOutput, data)

        invited_by = _parse_invited_by(d.pop("invited_by"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        token = d.pop("token")

        invitation_created_output = cls(
            id=id,
            email=email,
            role=role,
            invited_by=invited_by,
            created_at=created_at,
            expires_at=expires_at,
            token=token,
        )

        invitation_created_output.additional_properties = d
        return invitation_created_output

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
