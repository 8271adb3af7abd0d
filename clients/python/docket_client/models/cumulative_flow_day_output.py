from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CumulativeFlowDayOutput")


@_attrs_define
class CumulativeFlowDayOutput:
    """
    Attributes:
        date (datetime.date):
        backlog (int): Issues in a `backlog` state at day's end.
        unstarted (int): Issues in a `unstarted` state at day's end.
        started (int): Issues in a `started` state at day's end.
        completed (int): Issues in a `completed` state at day's end.
        canceled (int): Issues in a `canceled` state at day's end.
    """

    date: datetime.date
    backlog: int
    unstarted: int
    started: int
    completed: int
    canceled: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        backlog = self.backlog

        unstarted = self.unstarted

        started = self.started

        completed = self.completed

        canceled = self.canceled

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "date": date,
                "backlog": backlog,
                "unstarted": unstarted,
                "started": started,
                "completed": completed,
                "canceled": canceled,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        backlog = d.pop("backlog")

        unstarted = d.pop("unstarted")

        started = d.pop("started")

        completed = d.pop("completed")

        canceled = d.pop("canceled")

        cumulative_flow_day_output = cls(
            date=date,
            backlog=backlog,
            unstarted=unstarted,
            started=started,
            completed=completed,
            canceled=canceled,
        )

        cumulative_flow_day_output.additional_properties = d
        return cumulative_flow_day_output

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
