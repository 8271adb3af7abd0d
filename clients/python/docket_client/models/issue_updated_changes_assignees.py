from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_updated_changes_assignees_new_type_0_item import (
        IssueUpdatedChangesAssigneesNewType0Item,
    )
    from ..models.issue_updated_changes_assignees_old_type_0_item import (
        IssueUpdatedChangesAssigneesOldType0Item,
    )


T = TypeVar("T", bound="IssueUpdatedChangesAssignees")


@_attrs_define
class IssueUpdatedChangesAssignees:
    """
    Attributes:
        old (list[IssueUpdatedChangesAssigneesOldType0Item] | None):
        new (list[IssueUpdatedChangesAssigneesNewType0Item] | None):
    """

    old: list[IssueUpdatedChangesAssigneesOldType0Item] | None
    new: list[IssueUpdatedChangesAssigneesNewType0Item] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        old: list[dict[str, Any]] | None
        if isinstance(self.old, list):
            old = []
            for old_type_0_item_data in self.old:
                old_type_0_item = old_type_0_item_data.to_dict()
                old.append(old_type_0_item)

        else:
            old = self.old

        new: list[dict[str, Any]] | None
        if isinstance(self.new, list):
            new = []
            for new_type_0_item_data in self.new:
                new_type_0_item = new_type_0_item_data.to_dict()
                new.append(new_type_0_item)

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
        from ..models.issue_updated_changes_assignees_new_type_0_item import (
            IssueUpdatedChangesAssigneesNewType0Item,  # noqa: PLC0415
        )
        from ..models.issue_updated_changes_assignees_old_type_0_item import (
            IssueUpdatedChangesAssigneesOldType0Item,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_old(data: object) -> list[IssueUpdatedChangesAssigneesOldType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                old_type_0 = []
                _old_type_0 = data
                for old_type_0_item_data in _old_type_0:
                    old_type_0_item = IssueUpdatedChangesAssigneesOldType0Item.from_dict(
                        old_type_0_item_data
                    )

                    old_type_0.append(old_type_0_item)

                return old_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IssueUpdatedChangesAssigneesOldType0Item] | None, data)

        old = _parse_old(d.pop("old"))

        def _parse_new(data: object) -> list[IssueUpdatedChangesAssigneesNewType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                new_type_0 = []
                _new_type_0 = data
                for new_type_0_item_data in _new_type_0:
                    new_type_0_item = IssueUpdatedChangesAssigneesNewType0Item.from_dict(
                        new_type_0_item_data
                    )

                    new_type_0.append(new_type_0_item)

                return new_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IssueUpdatedChangesAssigneesNewType0Item] | None, data)

        new = _parse_new(d.pop("new"))

        issue_updated_changes_assignees = cls(
            old=old,
            new=new,
        )

        issue_updated_changes_assignees.additional_properties = d
        return issue_updated_changes_assignees

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
