from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StateReorderInput")


@_attrs_define
class StateReorderInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        state_ids (list[UUID]): Every state, in the new order.
    """

    state_ids: list[UUID]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state_ids = []
        for state_ids_item_data in self.state_ids:
            state_ids_item = str(state_ids_item_data)
            state_ids.append(state_ids_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state_ids": state_ids,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state_ids = []
        _state_ids = d.pop("state_ids")
        for state_ids_item_data in _state_ids:
            state_ids_item = UUID(state_ids_item_data)

            state_ids.append(state_ids_item)

        state_reorder_input = cls(
            state_ids=state_ids,
        )

        state_reorder_input.additional_properties = d
        return state_reorder_input

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
