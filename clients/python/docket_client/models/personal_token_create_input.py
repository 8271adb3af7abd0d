from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.scope_enum import ScopeEnum
from ..models.token_scope_enum import TokenScopeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonalTokenCreateInput")


@_attrs_define
class PersonalTokenCreateInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        name (str): What the token is for, e.g. `CI bot`.
        workspace (str): Slug of the one workspace the token may act in.
        scopes (list[ScopeEnum] | Unset): What the token may do (see the `personalToken` security requirement of each
            operation). Give this or `scope`.
        scope (TokenScopeEnum | Unset): * `read` - Read
            * `write` - Write
        expires_at (datetime.datetime | None | Unset): Optional, at most a year ahead; null: never expires.
    """

    name: str
    workspace: str
    scopes: list[ScopeEnum] | Unset = UNSET
    scope: TokenScopeEnum | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        workspace = self.workspace

        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item = scopes_item_data.value
                scopes.append(scopes_item)

        scope: str | Unset = UNSET
        if not isinstance(self.scope, Unset):
            scope = self.scope.value

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "workspace": workspace,
            }
        )
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if scope is not UNSET:
            field_dict["scope"] = scope
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        workspace = d.pop("workspace")

        _scopes = d.pop("scopes", UNSET)
        scopes: list[ScopeEnum] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = ScopeEnum(scopes_item_data)

                scopes.append(scopes_item)

        _scope = d.pop("scope", UNSET)
        scope: TokenScopeEnum | Unset
        if isinstance(_scope, Unset):
            scope = UNSET
        else:
            scope = TokenScopeEnum(_scope)

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        personal_token_create_input = cls(
            name=name,
            workspace=workspace,
            scopes=scopes,
            scope=scope,
            expires_at=expires_at,
        )

        personal_token_create_input.additional_properties = d
        return personal_token_create_input

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
