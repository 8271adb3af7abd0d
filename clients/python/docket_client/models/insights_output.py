from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cumulative_flow_day_output import CumulativeFlowDayOutput
    from ..models.percentiles_output import PercentilesOutput
    from ..models.throughput_week_output import ThroughputWeekOutput


T = TypeVar("T", bound="InsightsOutput")


@_attrs_define
class InsightsOutput:
    """
    Attributes:
        since (datetime.date): The window's first day (UTC).
        until (datetime.date): The window's last day: today (UTC).
        cycle_time_hours (PercentilesOutput):
        lead_time_hours (PercentilesOutput):
        open_age_days (PercentilesOutput):
        throughput (list[ThroughputWeekOutput]): Completions per week.
        cumulative_flow (list[CumulativeFlowDayOutput]): Issues per state category at the end of each day.
    """

    since: datetime.date
    until: datetime.date
    cycle_time_hours: PercentilesOutput
    lead_time_hours: PercentilesOutput
    open_age_days: PercentilesOutput
    throughput: list[ThroughputWeekOutput]
    cumulative_flow: list[CumulativeFlowDayOutput]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        since = self.since.isoformat()

        until = self.until.isoformat()

        cycle_time_hours = self.cycle_time_hours.to_dict()

        lead_time_hours = self.lead_time_hours.to_dict()

        open_age_days = self.open_age_days.to_dict()

        throughput = []
        for throughput_item_data in self.throughput:
            throughput_item = throughput_item_data.to_dict()
            throughput.append(throughput_item)

        cumulative_flow = []
        for cumulative_flow_item_data in self.cumulative_flow:
            cumulative_flow_item = cumulative_flow_item_data.to_dict()
            cumulative_flow.append(cumulative_flow_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "since": since,
                "until": until,
                "cycle_time_hours": cycle_time_hours,
                "lead_time_hours": lead_time_hours,
                "open_age_days": open_age_days,
                "throughput": throughput,
                "cumulative_flow": cumulative_flow,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cumulative_flow_day_output import CumulativeFlowDayOutput  # noqa: PLC0415
        from ..models.percentiles_output import PercentilesOutput  # noqa: PLC0415
        from ..models.throughput_week_output import ThroughputWeekOutput  # noqa: PLC0415

        d = dict(src_dict)
        since = datetime.date.fromisoformat(d.pop("since"))

        until = datetime.date.fromisoformat(d.pop("until"))

        cycle_time_hours = PercentilesOutput.from_dict(d.pop("cycle_time_hours"))

        lead_time_hours = PercentilesOutput.from_dict(d.pop("lead_time_hours"))

        open_age_days = PercentilesOutput.from_dict(d.pop("open_age_days"))

        throughput = []
        _throughput = d.pop("throughput")
        for throughput_item_data in _throughput:
            throughput_item = ThroughputWeekOutput.from_dict(throughput_item_data)

            throughput.append(throughput_item)

        cumulative_flow = []
        _cumulative_flow = d.pop("cumulative_flow")
        for cumulative_flow_item_data in _cumulative_flow:
            cumulative_flow_item = CumulativeFlowDayOutput.from_dict(cumulative_flow_item_data)

            cumulative_flow.append(cumulative_flow_item)

        insights_output = cls(
            since=since,
            until=until,
            cycle_time_hours=cycle_time_hours,
            lead_time_hours=lead_time_hours,
            open_age_days=open_age_days,
            throughput=throughput,
            cumulative_flow=cumulative_flow,
        )

        insights_output.additional_properties = d
        return insights_output

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
