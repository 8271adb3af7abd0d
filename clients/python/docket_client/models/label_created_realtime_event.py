from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.label_created_realtime_event_fields_item import (
    LabelCreatedRealtimeEventFieldsItem,
)
from ..models.label_created_realtime_event_name import LabelCreatedRealtimeEventName

if TYPE_CHECKING:
    from ..models.label_created_realtime_event_subject import (
        LabelCreatedRealtimeEventSubject,
    )


T = TypeVar("T", bound="LabelCreatedRealtimeEvent")


@_attrs_define
class LabelCreatedRealtimeEvent:
    """A `label.created` event on a websocket. A label was created.

    Attributes:
        id (int):
        name (LabelCreatedRealtimeEventName):
        subject (LabelCreatedRealtimeEventSubject):
        workspace_id (UUID):
        project_id (None | UUID):
        actor_id (None | UUID):
        version (int | None): The version of the issue the event is about, as it is when the message is sent (the first
            part of the issue's ETag): a client that already holds this version or a later one can drop the message. Null
            when the subject is not an issue, or the issue no longer exists.
        fields (list[LabelCreatedRealtimeEventFieldsItem]): The names of the changed fields (keys of the event's
            changes).
        at (datetime.datetime):
    """

    id: int
    name: LabelCreatedRealtimeEventName
    subject: LabelCreatedRealtimeEventSubject
    workspace_id: UUID
    project_id: None | UUID
    actor_id: None | UUID
    version: int | None
    fields: list[LabelCreatedRealtimeEventFieldsItem]
    at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name.value

        subject = self.subject.to_dict()

        workspace_id = str(self.workspace_id)

        project_id: None | str
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        actor_id: None | str
        if isinstance(self.actor_id, UUID):
            actor_id = str(self.actor_id)
        else:
            actor_id = self.actor_id

        version: int | None
        version = self.version

        fields = []
        for fields_item_data in self.fields:
            fields_item = fields_item_data.value
            fields.append(fields_item)

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "subject": subject,
                "workspace_id": workspace_id,
                "project_id": project_id,
                "actor_id": actor_id,
                "version": version,
                "fields": fields,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.label_created_realtime_event_subject import (
            LabelCreatedRealtimeEventSubject,  # noqa: PLC0415
        )

        d = dict(src_dict)
        id = d.pop("id")

        name = LabelCreatedRealtimeEventName(d.pop("name"))

        subject = LabelCreatedRealtimeEventSubject.from_dict(d.pop("subject"))

        workspace_id = UUID(d.pop("workspace_id"))

        def _parse_project_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                project_id_type_0 = UUID(data)

                return project_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        project_id = _parse_project_id(d.pop("project_id"))

        def _parse_actor_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_id_type_0 = UUID(data)

                return actor_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_id = _parse_actor_id(d.pop("actor_id"))

        def _parse_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        version = _parse_version(d.pop("version"))

        fields = []
        _fields = d.pop("fields")
        for fields_item_data in _fields:
            fields_item = LabelCreatedRealtimeEventFieldsItem(fields_item_data)

            fields.append(fields_item)

        at = datetime.datetime.fromisoformat(d.pop("at"))

        label_created_realtime_event = cls(
            id=id,
            name=name,
            subject=subject,
            workspace_id=workspace_id,
            project_id=project_id,
            actor_id=actor_id,
            version=version,
            fields=fields,
            at=at,
        )

        return label_created_realtime_event
