from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.workspace_created_webhook_payload_type import (
    WorkspaceCreatedWebhookPayloadType,
)

if TYPE_CHECKING:
    from ..models.workspace_created_feed_event import WorkspaceCreatedFeedEvent


T = TypeVar("T", bound="WorkspaceCreatedWebhookPayload")


@_attrs_define
class WorkspaceCreatedWebhookPayload:
    """The body of a `workspace.created` webhook delivery.

    Attributes:
        type_ (WorkspaceCreatedWebhookPayloadType):
        timestamp (datetime.datetime):
        data (WorkspaceCreatedFeedEvent): A `workspace.created` event of the change feed. A workspace was created.
    """

    type_: WorkspaceCreatedWebhookPayloadType
    timestamp: datetime.datetime
    data: WorkspaceCreatedFeedEvent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        timestamp = self.timestamp.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "timestamp": timestamp,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.workspace_created_feed_event import WorkspaceCreatedFeedEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = WorkspaceCreatedWebhookPayloadType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = WorkspaceCreatedFeedEvent.from_dict(d.pop("data"))

        workspace_created_webhook_payload = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        workspace_created_webhook_payload.additional_properties = d
        return workspace_created_webhook_payload

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
