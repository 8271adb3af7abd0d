from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.state_deleted_changes_category import StateDeletedChangesCategory
    from ..models.state_deleted_changes_color import StateDeletedChangesColor
    from ..models.state_deleted_changes_moved_issues import StateDeletedChangesMovedIssues
    from ..models.state_deleted_changes_name import StateDeletedChangesName


T = TypeVar("T", bound="StateDeletedChanges")


@_attrs_define
class StateDeletedChanges:
    """`state.deleted` (subject: state). A state was deleted; each issue it held records issue.moved.

    Attributes:
        name (StateDeletedChangesName | Unset):
        category (StateDeletedChangesCategory | Unset):
        color (StateDeletedChangesColor | Unset):
        moved_issues (StateDeletedChangesMovedIssues | Unset):
    """

    name: StateDeletedChangesName | Unset = UNSET
    category: StateDeletedChangesCategory | Unset = UNSET
    color: StateDeletedChangesColor | Unset = UNSET
    moved_issues: StateDeletedChangesMovedIssues | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()

        category: dict[str, Any] | Unset = UNSET
        if not isinstance(self.category, Unset):
            category = self.category.to_dict()

        color: dict[str, Any] | Unset = UNSET
        if not isinstance(self.color, Unset):
            color = self.color.to_dict()

        moved_issues: dict[str, Any] | Unset = UNSET
        if not isinstance(self.moved_issues, Unset):
            moved_issues = self.moved_issues.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if category is not UNSET:
            field_dict["category"] = category
        if color is not UNSET:
            field_dict["color"] = color
        if moved_issues is not UNSET:
            field_dict["moved_issues"] = moved_issues

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.state_deleted_changes_category import StateDeletedChangesCategory  # noqa: PLC0415
        from ..models.state_deleted_changes_color import StateDeletedChangesColor  # noqa: PLC0415
        from ..models.state_deleted_changes_moved_issues import (
            StateDeletedChangesMovedIssues,  # noqa: PLC0415
        )
        from ..models.state_deleted_changes_name import StateDeletedChangesName  # noqa: PLC0415

        d = dict(src_dict)
        _name = d.pop("name", UNSET)
        name: StateDeletedChangesName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = StateDeletedChangesName.from_dict(_name)

        _category = d.pop("category", UNSET)
        category: StateDeletedChangesCategory | Unset
        if isinstance(_category, Unset):
            category = UNSET
        else:
            category = StateDeletedChangesCategory.from_dict(_category)

        _color = d.pop("color", UNSET)
        color: StateDeletedChangesColor | Unset
        if isinstance(_color, Unset):
            color = UNSET
        else:
            color = StateDeletedChangesColor.from_dict(_color)

        _moved_issues = d.pop("moved_issues", UNSET)
        moved_issues: StateDeletedChangesMovedIssues | Unset
        if isinstance(_moved_issues, Unset):
            moved_issues = UNSET
        else:
            moved_issues = StateDeletedChangesMovedIssues.from_dict(_moved_issues)

        state_deleted_changes = cls(
            name=name,
            category=category,
            color=color,
            moved_issues=moved_issues,
        )

        state_deleted_changes.additional_properties = d
        return state_deleted_changes

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
