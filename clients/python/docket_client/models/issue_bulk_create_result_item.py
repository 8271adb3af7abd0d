from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_output import IssueOutput
    from ..models.problem_output import ProblemOutput


T = TypeVar("T", bound="IssueBulkCreateResultItem")


@_attrs_define
class IssueBulkCreateResultItem:
    """
    Attributes:
        index (int): Position of the item in the request.
        status (int): 201 if created, else the error's status.
        issue (IssueOutput | None): The created issue; null on error.
        error (None | ProblemOutput): Why this item was refused; null if created.
    """

    index: int
    status: int
    issue: IssueOutput | None
    error: None | ProblemOutput
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.issue_output import IssueOutput  # noqa: PLC0415
        from ..models.problem_output import ProblemOutput  # noqa: PLC0415

        index = self.index

        status = self.status

        issue: dict[str, Any] | None
        if isinstance(self.issue, IssueOutput):
            issue = self.issue.to_dict()
        else:
            issue = self.issue

        error: dict[str, Any] | None
        if isinstance(self.error, ProblemOutput):
            error = self.error.to_dict()
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "index": index,
                "status": status,
                "issue": issue,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_output import IssueOutput  # noqa: PLC0415
        from ..models.problem_output import ProblemOutput  # noqa: PLC0415

        d = dict(src_dict)
        index = d.pop("index")

        status = d.pop("status")

        def _parse_issue(data: object) -> IssueOutput | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                issue_type_1 = IssueOutput.from_dict(data)

                return issue_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IssueOutput | None, data)

        issue = _parse_issue(d.pop("issue"))

        def _parse_error(data: object) -> None | ProblemOutput:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_1 = ProblemOutput.from_dict(data)

                return error_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProblemOutput, data)

        error = _parse_error(d.pop("error"))

        issue_bulk_create_result_item = cls(
            index=index,
            status=status,
            issue=issue,
            error=error,
        )

        issue_bulk_create_result_item.additional_properties = d
        return issue_bulk_create_result_item

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
