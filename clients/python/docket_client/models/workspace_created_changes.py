from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.workspace_created_changes_name import WorkspaceCreatedChangesName
    from ..models.workspace_created_changes_slug import WorkspaceCreatedChangesSlug


T = TypeVar("T", bound="WorkspaceCreatedChanges")


@_attrs_define
class WorkspaceCreatedChanges:
    """`workspace.created` (subject: workspace). A workspace was created.

    Attributes:
        slug (WorkspaceCreatedChangesSlug | Unset):
        name (WorkspaceCreatedChangesName | Unset):
    """

    slug: WorkspaceCreatedChangesSlug | Unset = UNSET
    name: WorkspaceCreatedChangesName | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug: dict[str, Any] | Unset = UNSET
        if not isinstance(self.slug, Unset):
            slug = self.slug.to_dict()

        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if slug is not UNSET:
            field_dict["slug"] = slug
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_created_changes_name import WorkspaceCreatedChangesName  # noqa: PLC0415
        from ..models.workspace_created_changes_slug import WorkspaceCreatedChangesSlug  # noqa: PLC0415

        d = dict(src_dict)
        _slug = d.pop("slug", UNSET)
        slug: WorkspaceCreatedChangesSlug | Unset
        if isinstance(_slug, Unset):
            slug = UNSET
        else:
            slug = WorkspaceCreatedChangesSlug.from_dict(_slug)

        _name = d.pop("name", UNSET)
        name: WorkspaceCreatedChangesName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = WorkspaceCreatedChangesName.from_dict(_name)

        workspace_created_changes = cls(
            slug=slug,
            name=name,
        )

        workspace_created_changes.additional_properties = d
        return workspace_created_changes

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
