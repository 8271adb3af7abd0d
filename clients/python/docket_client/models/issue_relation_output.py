from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.relation_kind_enum import RelationKindEnum

if TYPE_CHECKING:
    from ..models.related_issue_output import RelatedIssueOutput


T = TypeVar("T", bound="IssueRelationOutput")


@_attrs_define
class IssueRelationOutput:
    """
    Attributes:
        type_ (RelationKindEnum): * `blocks` - Blocks
            * `blocked_by` - Blocked By
            * `duplicates` - Duplicates
            * `duplicated_by` - Duplicated By
            * `relates` - Relates
        issue (RelatedIssueOutput):
    """

    type_: RelationKindEnum
    issue: RelatedIssueOutput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        issue = self.issue.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "issue": issue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.related_issue_output import RelatedIssueOutput  # noqa: PLC0415

        d = dict(src_dict)
        type_ = RelationKindEnum(d.pop("type"))

        issue = RelatedIssueOutput.from_dict(d.pop("issue"))

        issue_relation_output = cls(
            type_=type_,
            issue=issue,
        )

        issue_relation_output.additional_properties = d
        return issue_relation_output

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
