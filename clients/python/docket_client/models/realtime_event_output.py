from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.event_name import EventName

if TYPE_CHECKING:
    from ..models.realtime_event_output_subject import RealtimeEventOutputSubject


T = TypeVar("T", bound="RealtimeEventOutput")


@_attrs_define
class RealtimeEventOutput:
    """What a websocket receives of an event (docs/realtime.md): what changed, not what it changed to; clients refetch
    through the API.

        Attributes:
            id (int):
            name (EventName): Every kind of event the log records.
            subject (RealtimeEventOutputSubject):
            workspace_id (UUID):
            project_id (None | UUID):
            actor_id (None | UUID):
            version (int): Per subject, a later change has a larger version.
            fields (list[str]): The names of the changed fields (keys of the event's changes).
            at (datetime.datetime):
    """

    id: int
    name: EventName
    subject: RealtimeEventOutputSubject
    workspace_id: UUID
    project_id: None | UUID
    actor_id: None | UUID
    version: int
    fields: list[str]
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

        version = self.version

        fields = self.fields

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
        from ..models.realtime_event_output_subject import RealtimeEventOutputSubject  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = EventName(d.pop("name"))

        subject = RealtimeEventOutputSubject.from_dict(d.pop("subject"))

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

        version = d.pop("version")

        fields = cast(list[str], d.pop("fields"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        realtime_event_output = cls(
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

        return realtime_event_output
