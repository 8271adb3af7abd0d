from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="WorkspaceCapabilities")


@_attrs_define
class WorkspaceCapabilities:
    """
    Attributes:
        edit (bool): Rename the workspace or change its slug.
        delete (bool): Delete the workspace.
        invite_members (bool): Invite people, see and revoke open invitations.
        manage_members (bool): Change members' roles and remove them (see each member's own capabilities).
        create_project (bool): Create a project.
        manage_webhooks (bool): See and change the webhook endpoints and their deliveries.
    """

    edit: bool
    delete: bool
    invite_members: bool
    manage_members: bool
    create_project: bool
    manage_webhooks: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        edit = self.edit

        delete = self.delete

        invite_members = self.invite_members

        manage_members = self.manage_members

        create_project = self.create_project

        manage_webhooks = self.manage_webhooks

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "edit": edit,
                "delete": delete,
                "invite_members": invite_members,
                "manage_members": manage_members,
                "create_project": create_project,
                "manage_webhooks": manage_webhooks,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        edit = d.pop("edit")

        delete = d.pop("delete")

        invite_members = d.pop("invite_members")

        manage_members = d.pop("manage_members")

        create_project = d.pop("create_project")

        manage_webhooks = d.pop("manage_webhooks")

        workspace_capabilities = cls(
            edit=edit,
            delete=delete,
            invite_members=invite_members,
            manage_members=manage_members,
            create_project=create_project,
            manage_webhooks=manage_webhooks,
        )

        workspace_capabilities.additional_properties = d
        return workspace_capabilities

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
