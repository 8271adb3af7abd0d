from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.state_category_enum import StateCategoryEnum

T = TypeVar("T", bound="StateCreateInput")


@_attrs_define
class StateCreateInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        name (str):
        category (StateCategoryEnum): * `backlog` - Backlog
            * `unstarted` - Unstarted
            * `started` - Started
            * `completed` - Completed
            * `canceled` - Canceled
        color (str): Hex color, `#rrggbb`.
    """

    name: str
    category: StateCategoryEnum
    color: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        category = self.category.value

        color = self.color

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "category": category,
                "color": color,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        category = StateCategoryEnum(d.pop("category"))

        color = d.pop("color")

        state_create_input = cls(
            name=name,
            category=category,
            color=color,
        )

        state_create_input.additional_properties = d
        return state_create_input

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
