from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_created_changes_labels_new_type_0_item import (
        IssueCreatedChangesLabelsNewType0Item,
    )
    from ..models.issue_created_changes_labels_old_type_0_item import (
        IssueCreatedChangesLabelsOldType0Item,
    )


T = TypeVar("T", bound="IssueCreatedChangesLabels")


@_attrs_define
class IssueCreatedChangesLabels:
    """
    Attributes:
        old (list[IssueCreatedChangesLabelsOldType0Item] | None):
        new (list[IssueCreatedChangesLabelsNewType0Item] | None):
    """

    old: list[IssueCreatedChangesLabelsOldType0Item] | None
    new: list[IssueCreatedChangesLabelsNewType0Item] | None
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
        from ..models.issue_created_changes_labels_new_type_0_item import (
            IssueCreatedChangesLabelsNewType0Item,  # noqa: PLC0415
        )
        from ..models.issue_created_changes_labels_old_type_0_item import (
            IssueCreatedChangesLabelsOldType0Item,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_old(data: object) -> list[IssueCreatedChangesLabelsOldType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                old_type_0 = []
                _old_type_0 = data
                for old_type_0_item_data in _old_type_0:
                    old_type_0_item = IssueCreatedChangesLabelsOldType0Item.from_dict(
                        old_type_0_item_data
                    )

                    old_type_0.append(old_type_0_item)

                return old_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IssueCreatedChangesLabelsOldType0Item] | None, data)

        old = _parse_old(d.pop("old"))

        def _parse_new(data: object) -> list[IssueCreatedChangesLabelsNewType0Item] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                new_type_0 = []
                _new_type_0 = data
                for new_type_0_item_data in _new_type_0:
                    new_type_0_item = IssueCreatedChangesLabelsNewType0Item.from_dict(
                        new_type_0_item_data
                    )

                    new_type_0.append(new_type_0_item)

                return new_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[IssueCreatedChangesLabelsNewType0Item] | None, data)

        new = _parse_new(d.pop("new"))

        issue_created_changes_labels = cls(
            old=old,
            new=new,
        )

        issue_created_changes_labels.additional_properties = d
        return issue_created_changes_labels

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
