from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_bulk_changes_input import IssueBulkChangesInput


T = TypeVar("T", bound="IssueBulkUpdateInput")


@_attrs_define
class IssueBulkUpdateInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        keys (list[str]): Issue keys, at most 100.
        changes (IssueBulkChangesInput): The changes of a bulk update: every field of a PATCH, plus additions and
            removals that
            keep each issue's other labels and assignees. `label_ids` and `assignee_ids` replace (as in
            a PATCH); the `add_*` ids are then added and the `remove_*` ids taken away.
    """

    keys: list[str]
    changes: IssueBulkChangesInput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        keys = self.keys

        changes = self.changes.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "keys": keys,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_bulk_changes_input import IssueBulkChangesInput  # noqa: PLC0415

        d = dict(src_dict)
        keys = cast(list[str], d.pop("keys"))

        changes = IssueBulkChangesInput.from_dict(d.pop("changes"))

        issue_bulk_update_input = cls(
            keys=keys,
            changes=changes,
        )

        issue_bulk_update_input.additional_properties = d
        return issue_bulk_update_input

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
