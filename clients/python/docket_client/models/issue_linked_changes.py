from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issue_linked_changes_issue import IssueLinkedChangesIssue
    from ..models.issue_linked_changes_relation import IssueLinkedChangesRelation


T = TypeVar("T", bound="IssueLinkedChanges")


@_attrs_define
class IssueLinkedChanges:
    """`issue.linked` (subject: issue). The issue was related to another one. Recorded on both issues, each naming the
    other and the relation as seen from itself. `issue` is left out for a reader who sees only some projects (a guest)
    when the other issue is outside them.

        Attributes:
            issue (IssueLinkedChangesIssue | Unset):
            relation (IssueLinkedChangesRelation | Unset):
    """

    issue: IssueLinkedChangesIssue | Unset = UNSET
    relation: IssueLinkedChangesRelation | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issue: dict[str, Any] | Unset = UNSET
        if not isinstance(self.issue, Unset):
            issue = self.issue.to_dict()

        relation: dict[str, Any] | Unset = UNSET
        if not isinstance(self.relation, Unset):
            relation = self.relation.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if issue is not UNSET:
            field_dict["issue"] = issue
        if relation is not UNSET:
            field_dict["relation"] = relation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_linked_changes_issue import IssueLinkedChangesIssue  # noqa: PLC0415
        from ..models.issue_linked_changes_relation import IssueLinkedChangesRelation  # noqa: PLC0415

        d = dict(src_dict)
        _issue = d.pop("issue", UNSET)
        issue: IssueLinkedChangesIssue | Unset
        if isinstance(_issue, Unset):
            issue = UNSET
        else:
            issue = IssueLinkedChangesIssue.from_dict(_issue)

        _relation = d.pop("relation", UNSET)
        relation: IssueLinkedChangesRelation | Unset
        if isinstance(_relation, Unset):
            relation = UNSET
        else:
            relation = IssueLinkedChangesRelation.from_dict(_relation)

        issue_linked_changes = cls(
            issue=issue,
            relation=relation,
        )

        issue_linked_changes.additional_properties = d
        return issue_linked_changes

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
