from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.priority_enum import PriorityEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="IssueCreateInput")


@_attrs_define
class IssueCreateInput:
    """Input serializer that refuses fields it does not know (no silent mass assignment).

    Attributes:
        title (str):
        description (str | Unset): Markdown.
        state_id (UUID | Unset):
        priority (PriorityEnum | Unset): * `urgent` - urgent
            * `high` - high
            * `medium` - medium
            * `low` - low
            * `none` - none
        estimate (int | None | Unset):
        due_date (datetime.date | None | Unset):
        parent_id (None | Unset | UUID): An issue of the same project.
        assignee_ids (list[UUID] | Unset): Workspace members.
        label_ids (list[UUID] | Unset): Labels of the same project.
        external_ref (None | str | Unset): The id an importer or integration knows the issue by (e.g. a GitHub issue
            number), unique within the project: one another issue has is a 409 `external_ref_taken`. Blank or null means
            none.
    """

    title: str
    description: str | Unset = UNSET
    state_id: UUID | Unset = UNSET
    priority: PriorityEnum | Unset = UNSET
    estimate: int | None | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    parent_id: None | Unset | UUID = UNSET
    assignee_ids: list[UUID] | Unset = UNSET
    label_ids: list[UUID] | Unset = UNSET
    external_ref: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        state_id: str | Unset = UNSET
        if not isinstance(self.state_id, Unset):
            state_id = str(self.state_id)

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        estimate: int | None | Unset
        if isinstance(self.estimate, Unset):
            estimate = UNSET
        else:
            estimate = self.estimate

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        parent_id: None | str | Unset
        if isinstance(self.parent_id, Unset):
            parent_id = UNSET
        elif isinstance(self.parent_id, UUID):
            parent_id = str(self.parent_id)
        else:
            parent_id = self.parent_id

        assignee_ids: list[str] | Unset = UNSET
        if not isinstance(self.assignee_ids, Unset):
            assignee_ids = []
            for assignee_ids_item_data in self.assignee_ids:
                assignee_ids_item = str(assignee_ids_item_data)
                assignee_ids.append(assignee_ids_item)

        label_ids: list[str] | Unset = UNSET
        if not isinstance(self.label_ids, Unset):
            label_ids = []
            for label_ids_item_data in self.label_ids:
                label_ids_item = str(label_ids_item_data)
                label_ids.append(label_ids_item)

        external_ref: None | str | Unset
        if isinstance(self.external_ref, Unset):
            external_ref = UNSET
        else:
            external_ref = self.external_ref

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if state_id is not UNSET:
            field_dict["state_id"] = state_id
        if priority is not UNSET:
            field_dict["priority"] = priority
        if estimate is not UNSET:
            field_dict["estimate"] = estimate
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if parent_id is not UNSET:
            field_dict["parent_id"] = parent_id
        if assignee_ids is not UNSET:
            field_dict["assignee_ids"] = assignee_ids
        if label_ids is not UNSET:
            field_dict["label_ids"] = label_ids
        if external_ref is not UNSET:
            field_dict["external_ref"] = external_ref

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        description = d.pop("description", UNSET)

        _state_id = d.pop("state_id", UNSET)
        state_id: UUID | Unset
        if isinstance(_state_id, Unset):
            state_id = UNSET
        else:
            state_id = UUID(_state_id)

        _priority = d.pop("priority", UNSET)
        priority: PriorityEnum | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = PriorityEnum(_priority)

        def _parse_estimate(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        estimate = _parse_estimate(d.pop("estimate", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_parent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_id_type_0 = UUID(data)

                return parent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        parent_id = _parse_parent_id(d.pop("parent_id", UNSET))

        _assignee_ids = d.pop("assignee_ids", UNSET)
        assignee_ids: list[UUID] | Unset = UNSET
        if _assignee_ids is not UNSET:
            assignee_ids = []
            for assignee_ids_item_data in _assignee_ids:
                assignee_ids_item = UUID(assignee_ids_item_data)

                assignee_ids.append(assignee_ids_item)

        _label_ids = d.pop("label_ids", UNSET)
        label_ids: list[UUID] | Unset = UNSET
        if _label_ids is not UNSET:
            label_ids = []
            for label_ids_item_data in _label_ids:
                label_ids_item = UUID(label_ids_item_data)

                label_ids.append(label_ids_item)

        def _parse_external_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_ref = _parse_external_ref(d.pop("external_ref", UNSET))

        issue_create_input = cls(
            title=title,
            description=description,
            state_id=state_id,
            priority=priority,
            estimate=estimate,
            due_date=due_date,
            parent_id=parent_id,
            assignee_ids=assignee_ids,
            label_ids=label_ids,
            external_ref=external_ref,
        )

        issue_create_input.additional_properties = d
        return issue_create_input

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
