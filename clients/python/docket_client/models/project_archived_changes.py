from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.project_archived_changes_archived_at import (
        ProjectArchivedChangesArchivedAt,
    )


T = TypeVar("T", bound="ProjectArchivedChanges")


@_attrs_define
class ProjectArchivedChanges:
    """`project.archived` (subject: project). A project was archived.

    Attributes:
        archived_at (ProjectArchivedChangesArchivedAt | Unset):
    """

    archived_at: ProjectArchivedChangesArchivedAt | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        archived_at: dict[str, Any] | Unset = UNSET
        if not isinstance(self.archived_at, Unset):
            archived_at = self.archived_at.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if archived_at is not UNSET:
            field_dict["archived_at"] = archived_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_archived_changes_archived_at import (
            ProjectArchivedChangesArchivedAt,  # noqa: PLC0415
        )

        d = dict(src_dict)
        _archived_at = d.pop("archived_at", UNSET)
        archived_at: ProjectArchivedChangesArchivedAt | Unset
        if isinstance(_archived_at, Unset):
            archived_at = UNSET
        else:
            archived_at = ProjectArchivedChangesArchivedAt.from_dict(_archived_at)

        project_archived_changes = cls(
            archived_at=archived_at,
        )

        project_archived_changes.additional_properties = d
        return project_archived_changes

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
