from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CommentDeletedChangesCommentId")


@_attrs_define
class CommentDeletedChangesCommentId:
    """
    Attributes:
        old (None | UUID):
        new (None | UUID):
    """

    old: None | UUID
    new: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        old: None | str
        if isinstance(self.old, UUID):
            old = str(self.old)
        else:
            old = self.old

        new: None | str
        if isinstance(self.new, UUID):
            new = str(self.new)
        else:
            new = self.new

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "old": old,
                "new": new,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_old(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                old_type_0 = UUID(data)

                return old_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        old = _parse_old(d.pop("old"))

        def _parse_new(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_type_0 = UUID(data)

                return new_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        new = _parse_new(d.pop("new"))

        comment_deleted_changes_comment_id = cls(
            old=old,
            new=new,
        )

        comment_deleted_changes_comment_id.additional_properties = d
        return comment_deleted_changes_comment_id

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
