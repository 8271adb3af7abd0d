from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="IssueUpdatedChangesAssigneesOldType0Item")


@_attrs_define
class IssueUpdatedChangesAssigneesOldType0Item:
    """
    Attributes:
        id (UUID):
        display_name (str):
    """

    id: UUID
    display_name: str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        display_name = self.display_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "display_name": display_name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        display_name = d.pop("display_name")

        issue_updated_changes_assignees_old_type_0_item = cls(
            id=id,
            display_name=display_name,
        )

        return issue_updated_changes_assignees_old_type_0_item
