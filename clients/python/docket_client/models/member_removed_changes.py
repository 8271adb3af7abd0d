from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.member_removed_changes_role import MemberRemovedChangesRole
    from ..models.member_removed_changes_user_id import MemberRemovedChangesUserId


T = TypeVar("T", bound="MemberRemovedChanges")


@_attrs_define
class MemberRemovedChanges:
    """`member.removed` (subject: membership). A member left or was removed; their personal access tokens for the workspace
    were revoked with it.

        Attributes:
            role (MemberRemovedChangesRole | Unset):
            user_id (MemberRemovedChangesUserId | Unset):
    """

    role: MemberRemovedChangesRole | Unset = UNSET
    user_id: MemberRemovedChangesUserId | Unset = UNSET
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
        from ..models.member_removed_changes_role import MemberRemovedChangesRole  # noqa: PLC0415
        from ..models.member_removed_changes_user_id import MemberRemovedChangesUserId  # noqa: PLC0415

        d = dict(src_dict)
        _role = d.pop("role", UNSET)
        role: MemberRemovedChangesRole | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = MemberRemovedChangesRole.from_dict(_role)

        _user_id = d.pop("user_id", UNSET)
        user_id: MemberRemovedChangesUserId | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = MemberRemovedChangesUserId.from_dict(_user_id)

        member_removed_changes = cls(
            role=role,
            user_id=user_id,
        )

        member_removed_changes.additional_properties = d
        return member_removed_changes

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
