from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.project_member_added_changes_user_id import (
        ProjectMemberAddedChangesUserId,
    )


T = TypeVar("T", bound="ProjectMemberAddedChanges")


@_attrs_define
class ProjectMemberAddedChanges:
    """`project.member_added` (subject: project). Someone was added to the project.

    Attributes:
        user_id (ProjectMemberAddedChangesUserId | Unset):
    """

    user_id: ProjectMemberAddedChangesUserId | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_id, Unset):
            user_id = self.user_id.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_member_added_changes_user_id import (
            ProjectMemberAddedChangesUserId,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _user_id = d.pop("user_id", UNSET)
        user_id: ProjectMemberAddedChangesUserId | Unset
        if isinstance(_user_id, Unset):
            user_id = UNSET
        else:
            user_id = ProjectMemberAddedChangesUserId.from_dict(_user_id)

        project_member_added_changes = cls(
            user_id=user_id,
        )

        project_member_added_changes.additional_properties = d
        return project_member_added_changes

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
