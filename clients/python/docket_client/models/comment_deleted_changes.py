from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.comment_deleted_changes_comment_id import CommentDeletedChangesCommentId


T = TypeVar("T", bound="CommentDeletedChanges")


@_attrs_define
class CommentDeletedChanges:
    """`comment.deleted` (subject: issue). A comment on the issue was deleted. What it said is not kept.

    Attributes:
        comment_id (CommentDeletedChangesCommentId | Unset):
    """

    comment_id: CommentDeletedChangesCommentId | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        comment_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.comment_id, Unset):
            comment_id = self.comment_id.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if comment_id is not UNSET:
            field_dict["comment_id"] = comment_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_deleted_changes_comment_id import (
            CommentDeletedChangesCommentId,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _comment_id = d.pop("comment_id", UNSET)
        comment_id: CommentDeletedChangesCommentId | Unset
        if isinstance(_comment_id, Unset):
            comment_id = UNSET
        else:
            comment_id = CommentDeletedChangesCommentId.from_dict(_comment_id)

        comment_deleted_changes = cls(
            comment_id=comment_id,
        )

        comment_deleted_changes.additional_properties = d
        return comment_deleted_changes

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
