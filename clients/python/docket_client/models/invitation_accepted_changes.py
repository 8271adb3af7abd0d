from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invitation_accepted_changes_role import InvitationAcceptedChangesRole
    from ..models.invitation_accepted_changes_user_id import (
        InvitationAcceptedChangesUserId,
    )


T = TypeVar("T", bound="InvitationAcceptedChanges")


@_attrs_define
class InvitationAcceptedChanges:
    """`invitation.accepted` (subject: invitation). An invitation was accepted; the role is set when it made a new member.

    Attributes:
        role (InvitationAcceptedChangesRole | Unset):
        user_id (InvitationAcceptedChangesUserId | Unset):
    """

    role: InvitationAcceptedChangesRole | Unset = UNSET
    user_id: InvitationAcceptedChangesUserId | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role: dict[str, Any] | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.to_dict()

        user_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = self.user_id.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if role is not UNSET:
            field_dict["role"] = role
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invitation_accepted_changes_role import (
            InvitationAcceptedChangesRole,  # noqa: PLC0415
        )
        from ..models.invitation_accepted_changes_user_id import (
            InvitationAcceptedChangesUserId,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _role = d.pop("role", UNSET)
        role: InvitationAcceptedChangesRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = InvitationAcceptedChangesRole.from_dict(_role)

        _user_id = d.pop("user_id", UNSET)
        user_id: InvitationAcceptedChangesUserId | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = InvitationAcceptedChangesUserId.from_dict(_user_id)

        invitation_accepted_changes = cls(
            role=role,
            user_id=user_id,
        )

        invitation_accepted_changes.additional_properties = d
        return invitation_accepted_changes

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
