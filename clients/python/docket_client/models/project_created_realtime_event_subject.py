from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ProjectCreatedRealtimeEventSubject")


@_attrs_define
class ProjectCreatedRealtimeEventSubject:
    """
    Attributes:
        type_ (str):
        id (UUID):
        label (str):
    """

    type_: str
    id: UUID
    label: str

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        id = str(self.id)

        label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "id": id,
                "label": label,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        id = UUID(d.pop("id"))

        label = d.pop("label")

        project_created_realtime_event_subject = cls(
            type_=type_,
            id=id,
            label=label,
        )

        return project_created_realtime_event_subject
