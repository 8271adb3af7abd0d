from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_linked_changes_issue_new_type_0 import (
        IssueLinkedChangesIssueNewType0,
    )
    from ..models.issue_linked_changes_issue_old_type_0 import (
        IssueLinkedChangesIssueOldType0,
    )


T = TypeVar("T", bound="IssueLinkedChangesIssue")


@_attrs_define
class IssueLinkedChangesIssue:
    """
    Attributes:
        old (IssueLinkedChangesIssueOldType0 | None):
        new (IssueLinkedChangesIssueNewType0 | None):
    """

    old: IssueLinkedChangesIssueOldType0 | None
    new: IssueLinkedChangesIssueNewType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.issue_linked_changes_issue_new_type_0 import (
            IssueLinkedChangesIssueNewType0,  # noqa: PLC0415
        )
        from ..models.issue_linked_changes_issue_old_type_0 import (
            IssueLinkedChangesIssueOldType0,  # noqa: PLC0415
        )

        old: dict[str, Any] | None
        if isinstance(self.old, IssueLinkedChangesIssueOldType0):
            old = self.old.to_dict()
        else:
            old = self.old

        new: dict[str, Any] | None
        if isinstance(self.new, IssueLinkedChangesIssueNewType0):
            new = self.new.to_dict()
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
        from ..models.issue_linked_changes_issue_new_type_0 import (
            IssueLinkedChangesIssueNewType0,  # noqa: PLC0415
        )
        from ..models.issue_linked_changes_issue_old_type_0 import (
            IssueLinkedChangesIssueOldType0,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_old(data: object) -> IssueLinkedChangesIssueOldType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                old_type_0 = IssueLinkedChangesIssueOldType0.from_dict(data)

                return old_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IssueLinkedChangesIssueOldType0 | None, data)

        old = _parse_old(d.pop("old"))

        def _parse_new(data: object) -> IssueLinkedChangesIssueNewType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                new_type_0 = IssueLinkedChangesIssueNewType0.from_dict(data)

                return new_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IssueLinkedChangesIssueNewType0 | None, data)

        new = _parse_new(d.pop("new"))

        issue_linked_changes_issue = cls(
            old=old,
            new=new,
        )

        issue_linked_changes_issue.additional_properties = d
        return issue_linked_changes_issue

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
