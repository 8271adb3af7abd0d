from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.issue_unlinked_webhook_payload_type import IssueUnlinkedWebhookPayloadType

if TYPE_CHECKING:
    from ..models.issue_unlinked_feed_event import IssueUnlinkedFeedEvent


T = TypeVar("T", bound="IssueUnlinkedWebhookPayload")


@_attrs_define
class IssueUnlinkedWebhookPayload:
    """The body of a `issue.unlinked` webhook delivery.

    Attributes:
        type_ (IssueUnlinkedWebhookPayloadType):
        timestamp (datetime.datetime):
        data (IssueUnlinkedFeedEvent): A `issue.unlinked` event of the change feed. A relation between the issue and
            another one was removed, by hand or because the other issue was deleted. Recorded on each issue that still
            exists. `issue` is left out for a reader who sees only some projects (a guest) when the other issue is outside
            them or no longer exists.
    """

    type_: IssueUnlinkedWebhookPayloadType
    timestamp: datetime.datetime
    data: IssueUnlinkedFeedEvent
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
        from ..models.issue_unlinked_feed_event import IssueUnlinkedFeedEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = IssueUnlinkedWebhookPayloadType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = IssueUnlinkedFeedEvent.from_dict(d.pop("data"))

        issue_unlinked_webhook_payload = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        issue_unlinked_webhook_payload.additional_properties = d
        return issue_unlinked_webhook_payload

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
