from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IssueUpdatedChangesExternalRef")


@_attrs_define
class IssueUpdatedChangesExternalRef:
    """
    Attributes:
        old (None | str):
        new (None | str):
    """

    old: None | str
    new: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        old: None | str
        old = self.old

        new: None | str
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

        def _parse_old(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        old = _parse_old(d.pop("old"))

        def _parse_new(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        new = _parse_new(d.pop("new"))

        issue_updated_changes_external_ref = cls(
            old=old,
            new=new,
        )

        issue_updated_changes_external_ref.additional_properties = d
        return issue_updated_changes_external_ref

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
