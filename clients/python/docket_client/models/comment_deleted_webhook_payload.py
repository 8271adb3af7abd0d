from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.comment_deleted_webhook_payload_type import (
    CommentDeletedWebhookPayloadType,
)

if TYPE_CHECKING:
    from ..models.comment_deleted_feed_event import CommentDeletedFeedEvent


T = TypeVar("T", bound="CommentDeletedWebhookPayload")


@_attrs_define
class CommentDeletedWebhookPayload:
    """The body of a `comment.deleted` webhook delivery.

    Attributes:
        type_ (CommentDeletedWebhookPayloadType):
        timestamp (datetime.datetime):
        data (CommentDeletedFeedEvent): A `comment.deleted` event of the change feed. A comment on the issue was
            deleted. What it said is not kept.
    """

    type_: CommentDeletedWebhookPayloadType
    timestamp: datetime.datetime
    data: CommentDeletedFeedEvent
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
        from ..models.comment_deleted_feed_event import CommentDeletedFeedEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = CommentDeletedWebhookPayloadType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = CommentDeletedFeedEvent.from_dict(d.pop("data"))

        comment_deleted_webhook_payload = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        comment_deleted_webhook_payload.additional_properties = d
        return comment_deleted_webhook_payload

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
