from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IssueUpdatedChangesCompletedAt")


@_attrs_define
class IssueUpdatedChangesCompletedAt:
    """
    Attributes:
        old (datetime.datetime | None):
        new (datetime.datetime | None):
    """

    old: datetime.datetime | None
    new: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        old: None | str
        if isinstance(self.old, datetime.datetime):
            old = self.old.isoformat()
        else:
            old = self.old

        new: None | str
        if isinstance(self.new, datetime.datetime):
            new = self.new.isoformat()
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

        def _parse_old(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                old_type_0 = datetime.datetime.fromisoformat(data)

                return old_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        old = _parse_old(d.pop("old"))

        def _parse_new(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                new_type_0 = datetime.datetime.fromisoformat(data)

                return new_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        new = _parse_new(d.pop("new"))

        issue_updated_changes_completed_at = cls(
            old=old,
            new=new,
        )

        issue_updated_changes_completed_at.additional_properties = d
        return issue_updated_changes_completed_at

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
