from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IssueMoveInput")


@_attrs_define
class IssueMoveInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        state_id (UUID): The column to put the issue in.
        after_id (None | Unset | UUID): Place right after this issue of the column.
        before_id (None | Unset | UUID): Place right before this issue of the column.
    """

    state_id: UUID
    after_id: None | Unset | UUID = UNSET
    before_id: None | Unset | UUID = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state_id = str(self.state_id)

        after_id: None | str | Unset
        if isinstance(self.after_id, Unset):
            after_id = UNSET
        elif isinstance(self.after_id, UUID):
            after_id = str(self.after_id)
        else:
            after_id = self.after_id

        before_id: None | str | Unset
        if isinstance(self.before_id, Unset):
            before_id = UNSET
        elif isinstance(self.before_id, UUID):
            before_id = str(self.before_id)
        else:
            before_id = self.before_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state_id": state_id,
            }
        )
        if after_id is not UNSET:
            field_dict["after_id"] = after_id
        if before_id is not UNSET:
            field_dict["before_id"] = before_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        state_id = UUID(d.pop("state_id"))

        def _parse_after_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                after_id_type_0 = UUID(data)

                return after_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        after_id = _parse_after_id(d.pop("after_id", UNSET))

        def _parse_before_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                before_id_type_0 = UUID(data)

                return before_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        before_id = _parse_before_id(d.pop("before_id", UNSET))

        issue_move_input = cls(
            state_id=state_id,
            after_id=after_id,
            before_id=before_id,
        )

        issue_move_input.additional_properties = d
        return issue_move_input

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
