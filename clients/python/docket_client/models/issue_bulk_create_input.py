from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_create_input import IssueCreateInput


T = TypeVar("T", bound="IssueBulkCreateInput")


@_attrs_define
class IssueBulkCreateInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        issues (list[IssueCreateInput]): 1 to 100 issues, each with the fields of a single create. An invalid item gets
            its error in the results; the valid ones are created.
    """

    issues: list[IssueCreateInput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issues = []
        for issues_item_data in self.issues:
            issues_item = issues_item_data.to_dict()
            issues.append(issues_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issues": issues,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_create_input import IssueCreateInput  # noqa: PLC0415

        d = dict(src_dict)
        issues = []
        _issues = d.pop("issues")
        for issues_item_data in _issues:
            issues_item = IssueCreateInput.from_dict(issues_item_data)

            issues.append(issues_item)

        issue_bulk_create_input = cls(
            issues=issues,
        )

        issue_bulk_create_input.additional_properties = d
        return issue_bulk_create_input

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
