from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.reason_enum import ReasonEnum

if TYPE_CHECKING:
    from ..models.user_summary_output import UserSummaryOutput


T = TypeVar("T", bound="NotificationOutput")


@_attrs_define
class NotificationOutput:
    """
    Attributes:
        id (int):
        reason (ReasonEnum): * `assigned` - Assigned
            * `mentioned` - Mentioned
            * `commented` - Commented
            * `state_changed` - State changed
        actor (None | UserSummaryOutput):
        issue_key (str): The issue's key at the time, e.g. ENG-42.
        issue_title (str):
        event_id (int):
        created_at (datetime.datetime):
        read_at (datetime.datetime | None):
        read (bool):
    """

    id: int
    reason: ReasonEnum
    actor: None | UserSummaryOutput
    issue_key: str
    issue_title: str
    event_id: int
    created_at: datetime.datetime
    read_at: datetime.datetime | None
    read: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        id = self.id

        reason = self.reason.value

        actor: dict[str, Any] | None
        if isinstance(self.actor, UserSummaryOutput):
            actor = self.actor.to_dict()
        else:
            actor = self.actor

        issue_key = self.issue_key

        issue_title = self.issue_title

        event_id = self.event_id

        created_at = self.created_at.isoformat()

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        read = self.read

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "reason": reason,
                "actor": actor,
                "issue_key": issue_key,
                "issue_title": issue_title,
                "event_id": event_id,
                "created_at": created_at,
                "read_at": read_at,
                "read": read,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        reason = ReasonEnum(d.pop("reason"))

        def _parse_actor(data: object) -> None | UserSummaryOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actor_type_1 = UserSummaryOutput.from_dict(data)

                return actor_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummaryOutput, data)

        actor = _parse_actor(d.pop("actor"))

        issue_key = d.pop("issue_key")

        issue_title = d.pop("issue_title")

        event_id = d.pop("event_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)

                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))

        read = d.pop("read")

        notification_output = cls(
            id=id,
            reason=reason,
            actor=actor,
            issue_key=issue_key,
            issue_title=issue_title,
            event_id=event_id,
            created_at=created_at,
            read_at=read_at,
            read=read,
        )

        notification_output.additional_properties = d
        return notification_output

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
