from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.priority_enum import PriorityEnum

if TYPE_CHECKING:
    from ..models.issue_capabilities import IssueCapabilities
    from ..models.issue_ref_output import IssueRefOutput
    from ..models.issue_state_output import IssueStateOutput
    from ..models.label_output import LabelOutput
    from ..models.project_ref_output import ProjectRefOutput
    from ..models.user_summary_output import UserSummaryOutput


T = TypeVar("T", bound="IssueOutput")


@_attrs_define
class IssueOutput:
    """
    Attributes:
        id (UUID):
        key (str): Human key, e.g. ENG-42.
        number (int):
        project (ProjectRefOutput):
        title (str):
        state (IssueStateOutput):
        priority (PriorityEnum): * `urgent` - urgent
            * `high` - high
            * `medium` - medium
            * `low` - low
            * `none` - none
        estimate (int | None):
        due_date (datetime.date | None):
        assignees (list[UserSummaryOutput]):
        labels (list[LabelOutput]):
        parent (IssueRefOutput | None):
        reporter (None | UserSummaryOutput):
        position (str): Sort key within the state's board column.
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        completed_at (datetime.datetime | None):
        external_ref (None | str):
        capabilities (IssueCapabilities):
        description (str):
    """

    id: UUID
    key: str
    number: int
    project: ProjectRefOutput
    title: str
    state: IssueStateOutput
    priority: PriorityEnum
    estimate: int | None
    due_date: datetime.date | None
    assignees: list[UserSummaryOutput]
    labels: list[LabelOutput]
    parent: IssueRefOutput | None
    reporter: None | UserSummaryOutput
    position: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    completed_at: datetime.datetime | None
    external_ref: None | str
    capabilities: IssueCapabilities
    description: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.issue_ref_output import IssueRefOutput  # noqa: PLC0415
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        id = str(self.id)

        key = self.key

        number = self.number

        project = self.project.to_dict()

        title = self.title

        state = self.state.to_dict()

        priority = self.priority.value

        estimate: int | None
        estimate = self.estimate

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        assignees = []
        for assignees_item_data in self.assignees:
            assignees_item = assignees_item_data.to_dict()
            assignees.append(assignees_item)

        labels = []
        for labels_item_data in self.labels:
            labels_item = labels_item_data.to_dict()
            labels.append(labels_item)

        parent: dict[str, Any] | None
        if isinstance(self.parent, IssueRefOutput):
            parent = self.parent.to_dict()
        else:
            parent = self.parent

        reporter: dict[str, Any] | None
        if isinstance(self.reporter, UserSummaryOutput):
            reporter = self.reporter.to_dict()
        else:
            reporter = self.reporter

        position = self.position

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        completed_at: None | str
        if isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        external_ref: None | str
        external_ref = self.external_ref

        capabilities = self.capabilities.to_dict()

        description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "number": number,
                "project": project,
                "title": title,
                "state": state,
                "priority": priority,
                "estimate": estimate,
                "due_date": due_date,
                "assignees": assignees,
                "labels": labels,
                "parent": parent,
                "reporter": reporter,
                "position": position,
                "created_at": created_at,
                "updated_at": updated_at,
                "completed_at": completed_at,
                "external_ref": external_ref,
                "capabilities": capabilities,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_capabilities import IssueCapabilities  # noqa: PLC0415
        from ..models.issue_ref_output import IssueRefOutput  # noqa: PLC0415
        from ..models.issue_state_output import IssueStateOutput  # noqa: PLC0415
        from ..models.label_output import LabelOutput  # noqa: PLC0415
        from ..models.project_ref_output import ProjectRefOutput  # noqa: PLC0415
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        number = d.pop("number")

        project = ProjectRefOutput.from_dict(d.pop("project"))

        title = d.pop("title")

        state = IssueStateOutput.from_dict(d.pop("state"))

        priority = PriorityEnum(d.pop("priority"))

        def _parse_estimate(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        estimate = _parse_estimate(d.pop("estimate"))

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        assignees = []
        _assignees = d.pop("assignees")
        for assignees_item_data in _assignees:
            assignees_item = UserSummaryOutput.from_dict(assignees_item_data)

            assignees.append(assignees_item)

        labels = []
        _labels = d.pop("labels")
        for labels_item_data in _labels:
            labels_item = LabelOutput.from_dict(labels_item_data)

            labels.append(labels_item)

        def _parse_parent(data: object) -> IssueRefOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                parent_type_1 = IssueRefOutput.from_dict(data)

                return parent_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IssueRefOutput | None, data)

        parent = _parse_parent(d.pop("parent"))

        def _parse_reporter(data: object) -> None | UserSummaryOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reporter_type_1 = UserSummaryOutput.from_dict(data)

                return reporter_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummaryOutput, data)

        reporter = _parse_reporter(d.pop("reporter"))

        position = d.pop("position")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_completed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = datetime.datetime.fromisoformat(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        completed_at = _parse_completed_at(d.pop("completed_at"))

        def _parse_external_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        external_ref = _parse_external_ref(d.pop("external_ref"))

        capabilities = IssueCapabilities.from_dict(d.pop("capabilities"))

        description = d.pop("description")

        issue_output = cls(
            id=id,
            key=key,
            number=number,
            project=project,
            title=title,
            state=state,
            priority=priority,
            estimate=estimate,
            due_date=due_date,
            assignees=assignees,
            labels=labels,
            parent=parent,
            reporter=reporter,
            position=position,
            created_at=created_at,
            updated_at=updated_at,
            completed_at=completed_at,
            external_ref=external_ref,
            capabilities=capabilities,
            description=description,
        )

        issue_output.additional_properties = d
        return issue_output

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
