from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="IssueUnlinkedChangesIssueOldType0")


@_attrs_define
class IssueUnlinkedChangesIssueOldType0:
    """
    Attributes:
        id (UUID):
        key (str):
    """

    id: UUID
    key: str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        issue_unlinked_changes_issue_old_type_0 = cls(
            id=id,
            key=key,
        )

        return issue_unlinked_changes_issue_old_type_0
