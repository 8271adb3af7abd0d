from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IssueCapabilities")


@_attrs_define
class IssueCapabilities:
    """
    Attributes:
        edit (bool): Change the issue's fields.
        move (bool): Move it on the board (state and place).
        delete (bool): Delete the issue.
        link (bool): Add and remove relations to other issues.
        comment (bool): Comment on the issue.
    """

    edit: bool
    move: bool
    delete: bool
    link: bool
    comment: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        edit = self.edit

        move = self.move

        delete = self.delete

        link = self.link

        comment = self.comment

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "edit": edit,
                "move": move,
                "delete": delete,
                "link": link,
                "comment": comment,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        edit = d.pop("edit")

        move = d.pop("move")

        delete = d.pop("delete")

        link = d.pop("link")

        comment = d.pop("comment")

        issue_capabilities = cls(
            edit=edit,
            move=move,
            delete=delete,
            link=link,
            comment=comment,
        )

        issue_capabilities.additional_properties = d
        return issue_capabilities

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
