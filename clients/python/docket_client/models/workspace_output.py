from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role_enum import RoleEnum

if TYPE_CHECKING:
    from ..models.workspace_capabilities import WorkspaceCapabilities


T = TypeVar("T", bound="WorkspaceOutput")


@_attrs_define
class WorkspaceOutput:
    """
    Attributes:
        id (UUID):
        slug (str):
        name (str):
        role (RoleEnum): * `owner` - Owner
            * `admin` - Admin
            * `member` - Member
            * `guest` - Guest
        capabilities (WorkspaceCapabilities):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    slug: str
    name: str
    role: RoleEnum
    capabilities: WorkspaceCapabilities
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        slug = self.slug

        name = self.name

        role = self.role.value

        capabilities = self.capabilities.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "slug": slug,
                "name": name,
                "role": role,
                "capabilities": capabilities,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_capabilities import WorkspaceCapabilities  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        slug = d.pop("slug")

        name = d.pop("name")

        role = RoleEnum(d.pop("role"))

        capabilities = WorkspaceCapabilities.from_dict(d.pop("capabilities"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        workspace_output = cls(
            id=id,
            slug=slug,
            name=name,
            role=role,
            capabilities=capabilities,
            created_at=created_at,
            updated_at=updated_at,
        )

        workspace_output.additional_properties = d
        return workspace_output

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
