from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProjectCapabilities")


@_attrs_define
class ProjectCapabilities:
    """
    Attributes:
        edit (bool): Change the project's name, description or lead.
        archive (bool): Archive or unarchive the project.
        delete (bool): Delete the project with its issues.
        manage_members (bool): Add and remove project members.
        manage_states (bool): Create, edit, reorder and delete states.
        manage_labels (bool): Create, edit and delete labels.
        create_issue (bool): Create issues in the project.
    """

    edit: bool
    archive: bool
    delete: bool
    manage_members: bool
    manage_states: bool
    manage_labels: bool
    create_issue: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        edit = self.edit

        archive = self.archive

        delete = self.delete

        manage_members = self.manage_members

        manage_states = self.manage_states

        manage_labels = self.manage_labels

        create_issue = self.create_issue

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "edit": edit,
                "archive": archive,
                "delete": delete,
                "manage_members": manage_members,
                "manage_states": manage_states,
                "manage_labels": manage_labels,
                "create_issue": create_issue,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        edit = d.pop("edit")

        archive = d.pop("archive")

        delete = d.pop("delete")

        manage_members = d.pop("manage_members")

        manage_states = d.pop("manage_states")

        manage_labels = d.pop("manage_labels")

        create_issue = d.pop("create_issue")

        project_capabilities = cls(
            edit=edit,
            archive=archive,
            delete=delete,
            manage_members=manage_members,
            manage_states=manage_states,
            manage_labels=manage_labels,
            create_issue=create_issue,
        )

        project_capabilities.additional_properties = d
        return project_capabilities

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
