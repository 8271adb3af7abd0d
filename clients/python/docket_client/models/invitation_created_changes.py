from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invitation_created_changes_email import InvitationCreatedChangesEmail
    from ..models.invitation_created_changes_role import InvitationCreatedChangesRole


T = TypeVar("T", bound="InvitationCreatedChanges")


@_attrs_define
class InvitationCreatedChanges:
    """`invitation.created` (subject: invitation). Someone was invited.

    Attributes:
        email (InvitationCreatedChangesEmail | Unset):
        role (InvitationCreatedChangesRole | Unset):
    """

    email: InvitationCreatedChangesEmail | Unset = UNSET
    role: InvitationCreatedChangesRole | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        email: dict[str, Any] | Unset = UNSET
        if not isinstance(self.email, Unset):
            email = self.email.to_dict()

        role: dict[str, Any] | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if email is not UNSET:
            field_dict["email"] = email
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invitation_created_changes_email import (
            InvitationCreatedChangesEmail,  # noqa: PLC0415
        )
        from ..models.invitation_created_changes_role import (
            InvitationCreatedChangesRole,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _email = d.pop("email", UNSET)
        email: InvitationCreatedChangesEmail | Unset
        if isinstance(_email, Unset):
            email = UNSET
        else:
            email = InvitationCreatedChangesEmail.from_dict(_email)

        _role = d.pop("role", UNSET)
        role: InvitationCreatedChangesRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = InvitationCreatedChangesRole.from_dict(_role)

        invitation_created_changes = cls(
            email=email,
            role=role,
        )

        invitation_created_changes.additional_properties = d
        return invitation_created_changes

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
