from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.bulk_item_error_output import BulkItemErrorOutput
    from ..models.issue_list_item import IssueListItem


T = TypeVar("T", bound="IssueBulkUpdateResultItem")


@_attrs_define
class IssueBulkUpdateResultItem:
    """
    Attributes:
        key (str):
        ok (bool):
        issue (IssueListItem | None):
        error (BulkItemErrorOutput | None):
    """

    key: str
    ok: bool
    issue: IssueListItem | None
    error: BulkItemErrorOutput | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.bulk_item_error_output import BulkItemErrorOutput  # noqa: PLC0415
        from ..models.issue_list_item import IssueListItem  # noqa: PLC0415

        key = self.key

        ok = self.ok

        issue: dict[str, Any] | None
        if isinstance(self.issue, IssueListItem):
            issue = self.issue.to_dict()
        else:
            issue = self.issue

        error: dict[str, Any] | None
        if isinstance(self.error, BulkItemErrorOutput):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "key": key,
                "ok": ok,
                "issue": issue,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.bulk_item_error_output import BulkItemErrorOutput  # noqa: PLC0415
        from ..models.issue_list_item import IssueListItem  # noqa: PLC0415

        d = dict(src_dict)
        key = d.pop("key")

        ok = d.pop("ok")

        def _parse_issue(data: object) -> IssueListItem | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                issue_type_1 = IssueListItem.from_dict(data)

                return issue_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IssueListItem | None, data)

        issue = _parse_issue(d.pop("issue"))

        def _parse_error(data: object) -> BulkItemErrorOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_1 = BulkItemErrorOutput.from_dict(data)

                return error_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BulkItemErrorOutput | None, data)

        error = _parse_error(d.pop("error"))

        issue_bulk_update_result_item = cls(
            key=key,
            ok=ok,
            issue=issue,
            error=error,
        )

        issue_bulk_update_result_item.additional_properties = d
        return issue_bulk_update_result_item

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
