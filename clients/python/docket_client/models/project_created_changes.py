from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.project_created_changes_key import ProjectCreatedChangesKey
    from ..models.project_created_changes_name import ProjectCreatedChangesName


T = TypeVar("T", bound="ProjectCreatedChanges")


@_attrs_define
class ProjectCreatedChanges:
    """`project.created` (subject: project). A project was created.

    Attributes:
        key (ProjectCreatedChangesKey | Unset):
        name (ProjectCreatedChangesName | Unset):
    """

    key: ProjectCreatedChangesKey | Unset = UNSET
    name: ProjectCreatedChangesName | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        key: dict[str, Any] | Unset = UNSET
        if not isinstance(self.key, Unset):
            key = self.key.to_dict()

        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if key is not UNSET:
            field_dict["key"] = key
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_created_changes_key import ProjectCreatedChangesKey  # noqa: PLC0415
        from ..models.project_created_changes_name import ProjectCreatedChangesName  # noqa: PLC0415

        d = dict(src_dict)
        _key = d.pop("key", UNSET)
        key: ProjectCreatedChangesKey | Unset
        if isinstance(_key, Unset):
            key = UNSET
        else:
            key = ProjectCreatedChangesKey.from_dict(_key)

        _name = d.pop("name", UNSET)
        name: ProjectCreatedChangesName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = ProjectCreatedChangesName.from_dict(_name)

        project_created_changes = cls(
            key=key,
            name=name,
        )

        project_created_changes.additional_properties = d
        return project_created_changes

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
