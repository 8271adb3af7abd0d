from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.member_removed_feed_event_name import MemberRemovedFeedEventName

if TYPE_CHECKING:
    from ..models.event_actor_output import EventActorOutput
    from ..models.member_removed_changes import MemberRemovedChanges


T = TypeVar("T", bound="MemberRemovedFeedEvent")


@_attrs_define
class MemberRemovedFeedEvent:
    """A `member.removed` event of the change feed. A member left or was removed; their personal access tokens for the
    workspace were revoked with it.

        Attributes:
            id (int):
            name (MemberRemovedFeedEventName):
            actor (EventActorOutput | None):
            project_id (None | UUID):
            subject_type (str):
            subject_id (UUID):
            subject_label (str):
            changes (MemberRemovedChanges): `member.removed` (subject: membership). A member left or was removed; their
                personal access tokens for the workspace were revoked with it.
            created_at (datetime.datetime):
    """

    id: int
    name: MemberRemovedFeedEventName
    actor: EventActorOutput | None
    project_id: None | UUID
    subject_type: str
    subject_id: UUID
    subject_label: str
    changes: MemberRemovedChanges
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_actor_output import EventActorOutput  # noqa: PLC0415

        id = self.id

        name = self.name.value

        actor: dict[str, Any] | None
        if isinstance(self.actor, EventActorOutput):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        project_id: None | str
        if isinstance(self.project_id, UUID):
            project_id = str(self.project_id)
        else:
            project_id = self.project_id

        subject_type = self.subject_type

        subject_id = str(self.subject_id)

        subject_label = self.subject_label

        changes = self.changes.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "actor": actor,
                "project_id": project_id,
                "subject_type": subject_type,
                "subject_id": subject_id,
                "subject_label": subject_label,
                "changes": changes,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_actor_output import EventActorOutput  # noqa: PLC0415
        from ..models.member_removed_changes import MemberRemovedChanges  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        name = MemberRemovedFeedEventName(d.pop("name"))

        def _parse_actor(data: object) -> EventActorOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_1 = EventActorOutput.from_dict(data)

                return actor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventActorOutput | None, data)

        actor = _parse_actor(d.pop("actor"))

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

        subject_type = d.pop("subject_type")

        subject_id = UUID(d.pop("subject_id"))

        subject_label = d.pop("subject_label")

        changes = MemberRemovedChanges.from_dict(d.pop("changes"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        member_removed_feed_event = cls(
            id=id,
            name=name,
            actor=actor,
            project_id=project_id,
            subject_type=subject_type,
            subject_id=subject_id,
            subject_label=subject_label,
            changes=changes,
            created_at=created_at,
        )

        member_removed_feed_event.additional_properties = d
        return member_removed_feed_event

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
