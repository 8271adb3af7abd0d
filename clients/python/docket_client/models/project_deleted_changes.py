from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.project_deleted_changes_deleted_issues import (
        ProjectDeletedChangesDeletedIssues,
    )
    from ..models.project_deleted_changes_key import ProjectDeletedChangesKey


T = TypeVar("T", bound="ProjectDeletedChanges")


@_attrs_define
class ProjectDeletedChanges:
    """`project.deleted` (subject: project). A project was deleted, and every issue in it with it: no issue.deleted is
    recorded for them. Its rows are purged in the background; from this event on none is reachable.

        Attributes:
            key (ProjectDeletedChangesKey | Unset):
            deleted_issues (ProjectDeletedChangesDeletedIssues | Unset):
    """

    key: ProjectDeletedChangesKey | Unset = UNSET
    deleted_issues: ProjectDeletedChangesDeletedIssues | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key: dict[str, Any] | Unset = UNSET
        if not isinstance(self.key, Unset):
            key = self.key.to_dict()

        deleted_issues: dict[str, Any] | Unset = UNSET
        if not isinstance(self.deleted_issues, Unset):
            deleted_issues = self.deleted_issues.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
        if deleted_issues is not UNSET:
            field_dict["deleted_issues"] = deleted_issues

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_deleted_changes_deleted_issues import (
            ProjectDeletedChangesDeletedIssues,  # noqa: PLC0415
        )
        from ..models.project_deleted_changes_key import ProjectDeletedChangesKey  # noqa: PLC0415

        d = dict(src_dict)
        _key = d.pop("key", UNSET)
        key: ProjectDeletedChangesKey | Unset
        if isinstance(_key, Unset):
            key = UNSET
        else:
            key = ProjectDeletedChangesKey.from_dict(_key)

        _deleted_issues = d.pop("deleted_issues", UNSET)
        deleted_issues: ProjectDeletedChangesDeletedIssues | Unset
        if isinstance(_deleted_issues, Unset):
            deleted_issues = UNSET
        else:
            deleted_issues = ProjectDeletedChangesDeletedIssues.from_dict(_deleted_issues)

        project_deleted_changes = cls(
            key=key,
            deleted_issues=deleted_issues,
        )

        project_deleted_changes.additional_properties = d
        return project_deleted_changes

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
