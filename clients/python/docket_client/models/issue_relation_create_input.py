from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.relation_kind_enum import RelationKindEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="IssueRelationCreateInput")


@_attrs_define
class IssueRelationCreateInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        issue_key (str): The other issue, by key (any project of the workspace).
        type_ (RelationKindEnum | Unset): * `blocks` - Blocks
            * `blocked_by` - Blocked By
            * `duplicates` - Duplicates
            * `duplicated_by` - Duplicated By
            * `relates` - Relates
    """

    issue_key: str
    type_: RelationKindEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issue_key = self.issue_key

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issue_key": issue_key,
            }
        )
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issue_key = d.pop("issue_key")

        _type_ = d.pop("type", UNSET)
        type_: RelationKindEnum | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = RelationKindEnum(_type_)

        issue_relation_create_input = cls(
            issue_key=issue_key,
            type_=type_,
        )

        issue_relation_create_input.additional_properties = d
        return issue_relation_create_input

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
