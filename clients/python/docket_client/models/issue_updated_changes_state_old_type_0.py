from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="IssueUpdatedChangesStateOldType0")


@_attrs_define
class IssueUpdatedChangesStateOldType0:
    """
    Attributes:
        id (UUID):
        name (str):
        category (str):
    """

    id: UUID
    name: str
    category: str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        category = self.category

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "category": category,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        category = d.pop("category")

        issue_updated_changes_state_old_type_0 = cls(
            id=id,
            name=name,
            category=category,
        )

        return issue_updated_changes_state_old_type_0
