from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scope_enum import ScopeEnum

T = TypeVar("T", bound="OAuthScopeOutput")


@_attrs_define
class OAuthScopeOutput:
    """
    Attributes:
        scope (ScopeEnum): * `workspace:read` - Read the workspace and who the token's owner is
            * `workspace:admin` - Rename or delete the workspace
            * `members:read` - List workspace and project members
            * `members:admin` - Change roles, remove members, manage invitations
            * `projects:read` - Read projects, their states and labels
            * `projects:admin` - Create, change, archive and delete projects, states, labels
            * `issues:read` - Read issues, comments, relations, activity and insights
            * `issues:write` - Create, change, move and delete issues
            * `comments:write` - Write, edit and delete comments
            * `notifications:read` - Read the owner's notifications and subscriptions
            * `notifications:write` - Mark notifications read, (un)subscribe
            * `events:read` - Read the change feed and open a realtime socket
            * `webhooks:admin` - Register, change and delete webhook endpoints
        description (str):
    """

    scope: ScopeEnum
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        scope = self.scope.value

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "scope": scope,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        scope = ScopeEnum(d.pop("scope"))

        description = d.pop("description")

        o_auth_scope_output = cls(
            scope=scope,
            description=description,
        )

        o_auth_scope_output.additional_properties = d
        return o_auth_scope_output

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
