from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workspace_deleted_changes_slug import WorkspaceDeletedChangesSlug


T = TypeVar("T", bound="WorkspaceDeletedChanges")


@_attrs_define
class WorkspaceDeletedChanges:
    """`workspace.deleted` (subject: workspace). A workspace was deleted with everything in it; its rows are purged in the
    background, none reachable from this event on.

        Attributes:
            slug (WorkspaceDeletedChangesSlug | Unset):
    """

    slug: WorkspaceDeletedChangesSlug | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug: dict[str, Any] | Unset = UNSET
        if not isinstance(self.slug, Unset):
            slug = self.slug.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if slug is not UNSET:
            field_dict["slug"] = slug

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_deleted_changes_slug import WorkspaceDeletedChangesSlug  # noqa: PLC0415

        d = dict(src_dict)
        _slug = d.pop("slug", UNSET)
        slug: WorkspaceDeletedChangesSlug | Unset
        if isinstance(_slug, Unset):
            slug = UNSET
        else:
            slug = WorkspaceDeletedChangesSlug.from_dict(_slug)

        workspace_deleted_changes = cls(
            slug=slug,
        )

        workspace_deleted_changes.additional_properties = d
        return workspace_deleted_changes

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
