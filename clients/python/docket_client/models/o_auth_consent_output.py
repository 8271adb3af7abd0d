from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.o_auth_scope_output import OAuthScopeOutput


T = TypeVar("T", bound="OAuthConsentOutput")


@_attrs_define
class OAuthConsentOutput:
    """
    Attributes:
        app_name (str):
        workspace (str): Slug of the workspace the app acts in.
        scopes (list[OAuthScopeOutput]):
        redirect_uri (str):
    """

    app_name: str
    workspace: str
    scopes: list[OAuthScopeOutput]
    redirect_uri: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        app_name = self.app_name

        workspace = self.workspace

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.to_dict()
            scopes.append(scopes_item)

        redirect_uri = self.redirect_uri

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "app_name": app_name,
                "workspace": workspace,
                "scopes": scopes,
                "redirect_uri": redirect_uri,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.o_auth_scope_output import OAuthScopeOutput  # noqa: PLC0415

        d = dict(src_dict)
        app_name = d.pop("app_name")

        workspace = d.pop("workspace")

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = OAuthScopeOutput.from_dict(scopes_item_data)

            scopes.append(scopes_item)

        redirect_uri = d.pop("redirect_uri")

        o_auth_consent_output = cls(
            app_name=app_name,
            workspace=workspace,
            scopes=scopes,
            redirect_uri=redirect_uri,
        )

        o_auth_consent_output.additional_properties = d
        return o_auth_consent_output

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
