from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status_enum import StatusEnum

if TYPE_CHECKING:
    from ..models.webhook_attempt_output import WebhookAttemptOutput


T = TypeVar("T", bound="WebhookDeliveryOutput")


@_attrs_define
class WebhookDeliveryOutput:
    """
    Attributes:
        id (UUID):
        webhook_id (str): The `webhook-id` header every attempt carries.
        event_id (int):
        event_name (str):
        status (StatusEnum): * `pending` - Pending
            * `sending` - Sending
            * `succeeded` - Succeeded
            * `failed` - Failed
        attempts (int):
        next_attempt_at (datetime.datetime):
        last_status_code (int | None):
        last_error (str):
        delivered_at (datetime.datetime | None):
        created_at (datetime.datetime):
        attempts_log (list[WebhookAttemptOutput]):
    """

    id: UUID
    webhook_id: str
    event_id: int
    event_name: str
    status: StatusEnum
    attempts: int
    next_attempt_at: datetime.datetime
    last_status_code: int | None
    last_error: str
    delivered_at: datetime.datetime | None
    created_at: datetime.datetime
    attempts_log: list[WebhookAttemptOutput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        webhook_id = self.webhook_id

        event_id = self.event_id

        event_name = self.event_name

        status = self.status.value

        attempts = self.attempts

        next_attempt_at = self.next_attempt_at.isoformat()

        last_status_code: int | None
        last_status_code = self.last_status_code

        last_error = self.last_error

        delivered_at: None | str
        if isinstance(self.delivered_at, datetime.datetime):
            delivered_at = self.delivered_at.isoformat()
        else:
            delivered_at = self.delivered_at

        created_at = self.created_at.isoformat()

        attempts_log = []
        for attempts_log_item_data in self.attempts_log:
            attempts_log_item = attempts_log_item_data.to_dict()
            attempts_log.append(attempts_log_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "webhook_id": webhook_id,
                "event_id": event_id,
                "event_name": event_name,
                "status": status,
                "attempts": attempts,
                "next_attempt_at": next_attempt_at,
                "last_status_code": last_status_code,
                "last_error": last_error,
                "delivered_at": delivered_at,
                "created_at": created_at,
                "attempts_log": attempts_log,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.webhook_attempt_output import WebhookAttemptOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        webhook_id = d.pop("webhook_id")

        event_id = d.pop("event_id")

        event_name = d.pop("event_name")

        status = StatusEnum(d.pop("status"))

        attempts = d.pop("attempts")

        next_attempt_at = datetime.datetime.fromisoformat(d.pop("next_attempt_at"))

        def _parse_last_status_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code"))

        last_error = d.pop("last_error")

        def _parse_delivered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                delivered_at_type_0 = datetime.datetime.fromisoformat(data)

                return delivered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        attempts_log = []
        _attempts_log = d.pop("attempts_log")
        for attempts_log_item_data in _attempts_log:
            attempts_log_item = WebhookAttemptOutput.from_dict(attempts_log_item_data)

            attempts_log.append(attempts_log_item)

        webhook_delivery_output = cls(
            id=id,
            webhook_id=webhook_id,
            event_id=event_id,
            event_name=event_name,
            status=status,
            attempts=attempts,
            next_attempt_at=next_attempt_at,
            last_status_code=last_status_code,
            last_error=last_error,
            delivered_at=delivered_at,
            created_at=created_at,
            attempts_log=attempts_log,
        )

        webhook_delivery_output.additional_properties = d
        return webhook_delivery_output

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
