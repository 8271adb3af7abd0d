from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.project_capabilities import ProjectCapabilities
    from ..models.user_summary_output import UserSummaryOutput


T = TypeVar("T", bound="ProjectOutput")


@_attrs_define
class ProjectOutput:
    """
    Attributes:
        id (UUID):
        key (str):
        name (str):
        description (str):
        lead (None | UserSummaryOutput):
        archived_at (datetime.datetime | None):
        capabilities (ProjectCapabilities):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    key: str
    name: str
    description: str
    lead: None | UserSummaryOutput
    archived_at: datetime.datetime | None
    capabilities: ProjectCapabilities
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        id = str(self.id)

        key = self.key

        name = self.name

        description = self.description

        lead: dict[str, Any] | None
        if isinstance(self.lead, UserSummaryOutput):
            lead = self.lead.to_dict()
        else:
            lead = self.lead

        archived_at: None | str
        if isinstance(self.archived_at, datetime.datetime):
            archived_at = self.archived_at.isoformat()
        else:
            archived_at = self.archived_at

        capabilities = self.capabilities.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "key": key,
                "name": name,
                "description": description,
                "lead": lead,
                "archived_at": archived_at,
                "capabilities": capabilities,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.project_capabilities import ProjectCapabilities  # noqa: PLC0415
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        key = d.pop("key")

        name = d.pop("name")

        description = d.pop("description")

        def _parse_lead(data: object) -> None | UserSummaryOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                lead_type_1 = UserSummaryOutput.from_dict(data)

                return lead_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummaryOutput, data)

        lead = _parse_lead(d.pop("lead"))

        def _parse_archived_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                archived_at_type_0 = datetime.datetime.fromisoformat(data)

                return archived_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        archived_at = _parse_archived_at(d.pop("archived_at"))

        capabilities = ProjectCapabilities.from_dict(d.pop("capabilities"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        project_output = cls(
            id=id,
            key=key,
            name=name,
            description=description,
            lead=lead,
            archived_at=archived_at,
            capabilities=capabilities,
            created_at=created_at,
            updated_at=updated_at,
        )

        project_output.additional_properties = d
        return project_output

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
