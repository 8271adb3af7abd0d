from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_name import EventName
from ..types import UNSET, Unset

T = TypeVar("T", bound="PatchedWebhookEndpointUpdateInput")


@_attrs_define
class PatchedWebhookEndpointUpdateInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        url (str | Unset):
        event_types (list[EventName] | Unset): Event names to deliver (see `EventName`); at least one.
        description (str | Unset):
        is_active (bool | Unset): false stops deliveries; true turns a disabled endpoint on again.
    """

    url: str | Unset = UNSET
    event_types: list[EventName] | Unset = UNSET
    description: str | Unset = UNSET
    is_active: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        event_types: list[str] | Unset = UNSET
        if not isinstance(self.event_types, Unset):
            event_types = []
            for event_types_item_data in self.event_types:
                event_types_item = event_types_item_data.value
                event_types.append(event_types_item)

        description = self.description

        is_active = self.is_active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if url is not UNSET:
            field_dict["url"] = url
        if event_types is not UNSET:
            field_dict["event_types"] = event_types
        if description is not UNSET:
            field_dict["description"] = description
        if is_active is not UNSET:
            field_dict["is_active"] = is_active

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url", UNSET)

        _event_types = d.pop("event_types", UNSET)
        event_types: list[EventName] | Unset = UNSET
        if _event_types is not UNSET:
            event_types = []
            for event_types_item_data in _event_types:
                event_types_item = EventName(event_types_item_data)

                event_types.append(event_types_item)

        description = d.pop("description", UNSET)

        is_active = d.pop("is_active", UNSET)

        patched_webhook_endpoint_update_input = cls(
            url=url,
            event_types=event_types,
            description=description,
            is_active=is_active,
        )

        patched_webhook_endpoint_update_input.additional_properties = d
        return patched_webhook_endpoint_update_input

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
