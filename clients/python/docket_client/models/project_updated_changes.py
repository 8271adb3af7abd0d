from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.project_updated_changes_description import (
        ProjectUpdatedChangesDescription,
    )
    from ..models.project_updated_changes_lead_id import ProjectUpdatedChangesLeadId
    from ..models.project_updated_changes_name import ProjectUpdatedChangesName


T = TypeVar("T", bound="ProjectUpdatedChanges")


@_attrs_define
class ProjectUpdatedChanges:
    """`project.updated` (subject: project). A project's name, description or lead changed.

    Attributes:
        name (ProjectUpdatedChangesName | Unset):
        description (ProjectUpdatedChangesDescription | Unset):
        lead_id (ProjectUpdatedChangesLeadId | Unset):
    """

    name: ProjectUpdatedChangesName | Unset = UNSET
    description: ProjectUpdatedChangesDescription | Unset = UNSET
    lead_id: ProjectUpdatedChangesLeadId | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name: dict[str, Any] | Unset = UNSET
        if not isinstance(self.name, Unset):
            name = self.name.to_dict()

        description: dict[str, Any] | Unset = UNSET
        if not isinstance(self.description, Unset):
            description = self.description.to_dict()

        lead_id: dict[str, Any] | Unset = UNSET
        if not isinstance(self.lead_id, Unset):
            lead_id = self.lead_id.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if description is not UNSET:
            field_dict["description"] = description
        if lead_id is not UNSET:
            field_dict["lead_id"] = lead_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_updated_changes_description import (
            ProjectUpdatedChangesDescription,  # noqa: PLC0415
        )
        from ..models.project_updated_changes_lead_id import ProjectUpdatedChangesLeadId  # noqa: PLC0415
        from ..models.project_updated_changes_name import ProjectUpdatedChangesName  # noqa: PLC0415

        d = dict(src_dict)
        _name = d.pop("name", UNSET)
        name: ProjectUpdatedChangesName | Unset
        if isinstance(_name, Unset):
            name = UNSET
        else:
            name = ProjectUpdatedChangesName.from_dict(_name)

        _description = d.pop("description", UNSET)
        description: ProjectUpdatedChangesDescription | Unset
        if isinstance(_description, Unset):
            description = UNSET
        else:
            description = ProjectUpdatedChangesDescription.from_dict(_description)

        _lead_id = d.pop("lead_id", UNSET)
        lead_id: ProjectUpdatedChangesLeadId | Unset
        if isinstance(_lead_id, Unset):
            lead_id = UNSET
        else:
            lead_id = ProjectUpdatedChangesLeadId.from_dict(_lead_id)

        project_updated_changes = cls(
            name=name,
            description=description,
            lead_id=lead_id,
        )

        project_updated_changes.additional_properties = d
        return project_updated_changes

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
