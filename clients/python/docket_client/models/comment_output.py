from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.comment_capabilities import CommentCapabilities
    from ..models.user_summary_output import UserSummaryOutput


T = TypeVar("T", bound="CommentOutput")


@_attrs_define
class CommentOutput:
    """
    Attributes:
        id (UUID):
        author (None | UserSummaryOutput):
        body (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        edited_at (datetime.datetime | None):
        capabilities (CommentCapabilities):
    """

    id: UUID
    author: None | UserSummaryOutput
    body: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    edited_at: datetime.datetime | None
    capabilities: CommentCapabilities
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        id = str(self.id)

        author: dict[str, Any] | None
        if isinstance(self.author, UserSummaryOutput):
            author = self.author.to_dict()
        else:
            author = self.author

        body = self.body

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        edited_at: None | str
        if isinstance(self.edited_at, datetime.datetime):
            edited_at = self.edited_at.isoformat()
        else:
            edited_at = self.edited_at

        capabilities = self.capabilities.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "author": author,
                "body": body,
                "created_at": created_at,
                "updated_at": updated_at,
                "edited_at": edited_at,
                "capabilities": capabilities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comment_capabilities import CommentCapabilities  # noqa: PLC0415
        from ..models.user_summary_output import UserSummaryOutput  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_author(data: object) -> None | UserSummaryOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                author_type_1 = UserSummaryOutput.from_dict(data)

                return author_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserSummaryOutput, data)

        author = _parse_author(d.pop("author"))

        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_edited_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                edited_at_type_0 = datetime.datetime.fromisoformat(data)

                return edited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        edited_at = _parse_edited_at(d.pop("edited_at"))

        capabilities = CommentCapabilities.from_dict(d.pop("capabilities"))

        comment_output = cls(
            id=id,
            author=author,
            body=body,
            created_at=created_at,
            updated_at=updated_at,
            edited_at=edited_at,
            capabilities=capabilities,
        )

        comment_output.additional_properties = d
        return comment_output

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
