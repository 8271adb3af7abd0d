from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.issue_unlinked_changes_issue import IssueUnlinkedChangesIssue
    from ..models.issue_unlinked_changes_relation import IssueUnlinkedChangesRelation


T = TypeVar("T", bound="IssueUnlinkedChanges")


@_attrs_define
class IssueUnlinkedChanges:
    """`issue.unlinked` (subject: issue). A relation between the issue and another one was removed, by hand or because the
    other issue was deleted. Recorded on each issue that still exists. `issue` is left out for a reader who sees only
    some projects (a guest) when the other issue is outside them or no longer exists.

        Attributes:
            issue (IssueUnlinkedChangesIssue | Unset):
            relation (IssueUnlinkedChangesRelation | Unset):
    """

    issue: IssueUnlinkedChangesIssue | Unset = UNSET
    relation: IssueUnlinkedChangesRelation | Unset = UNSET
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
        from ..models.issue_unlinked_changes_issue import IssueUnlinkedChangesIssue  # noqa: PLC0415
        from ..models.issue_unlinked_changes_relation import (
            IssueUnlinkedChangesRelation,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _issue = d.pop("issue", UNSET)
        issue: IssueUnlinkedChangesIssue | Unset
        if isinstance(_issue, Unset):
            issue = UNSET
        else:
            issue = IssueUnlinkedChangesIssue.from_dict(_issue)

        _relation = d.pop("relation", UNSET)
        relation: IssueUnlinkedChangesRelation | Unset
        if isinstance(_relation, Unset):
            relation = UNSET
        else:
            relation = IssueUnlinkedChangesRelation.from_dict(_relation)

        issue_unlinked_changes = cls(
            issue=issue,
            relation=relation,
        )

        issue_unlinked_changes.additional_properties = d
        return issue_unlinked_changes

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
