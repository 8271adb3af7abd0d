from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_created_changes_parent_new_type_0 import (
        IssueCreatedChangesParentNewType0,
    )
    from ..models.issue_created_changes_parent_old_type_0 import (
        IssueCreatedChangesParentOldType0,
    )


T = TypeVar("T", bound="IssueCreatedChangesParent")


@_attrs_define
class IssueCreatedChangesParent:
    """
    Attributes:
        old (IssueCreatedChangesParentOldType0 | None):
        new (IssueCreatedChangesParentNewType0 | None):
    """

    old: IssueCreatedChangesParentOldType0 | None
    new: IssueCreatedChangesParentNewType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.issue_created_changes_parent_new_type_0 import (
            IssueCreatedChangesParentNewType0,  # noqa: PLC0415
        )
        from ..models.issue_created_changes_parent_old_type_0 import (
            IssueCreatedChangesParentOldType0,  # noqa: PLC0415
        )

        old: dict[str, Any] | None
        if isinstance(self.old, IssueCreatedChangesParentOldType0):
            old = self.old.to_dict()
        else:
            old = self.old

        new: dict[str, Any] | None
        if isinstance(self.new, IssueCreatedChangesParentNewType0):
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
        from ..models.issue_created_changes_parent_new_type_0 import (
            IssueCreatedChangesParentNewType0,  # noqa: PLC0415
        )
        from ..models.issue_created_changes_parent_old_type_0 import (
            IssueCreatedChangesParentOldType0,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_old(data: object) -> IssueCreatedChangesParentOldType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                old_type_0 = IssueCreatedChangesParentOldType0.from_dict(data)

                return old_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IssueCreatedChangesParentOldType0 | None, data)

        old = _parse_old(d.pop("old"))

        def _parse_new(data: object) -> IssueCreatedChangesParentNewType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                new_type_0 = IssueCreatedChangesParentNewType0.from_dict(data)

                return new_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IssueCreatedChangesParentNewType0 | None, data)

        new = _parse_new(d.pop("new"))

        issue_created_changes_parent = cls(
            old=old,
            new=new,
        )

        issue_created_changes_parent.additional_properties = d
        return issue_created_changes_parent

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
