from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_update_input_request import IssueUpdateInputRequest


T = TypeVar("T", bound="IssueBulkUpdateInputRequest")


@_attrs_define
class IssueBulkUpdateInputRequest:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        keys (list[str]): Issue keys, at most 100.
        changes (IssueUpdateInputRequest): Every field is optional; only the fields given change.
    """

    keys: list[str]
    changes: IssueUpdateInputRequest
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
        from ..models.issue_update_input_request import IssueUpdateInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        keys = cast(list[str], d.pop("keys"))

        changes = IssueUpdateInputRequest.from_dict(d.pop("changes"))

        issue_bulk_update_input_request = cls(
            keys=keys,
            changes=changes,
        )

        issue_bulk_update_input_request.additional_properties = d
        return issue_bulk_update_input_request

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
