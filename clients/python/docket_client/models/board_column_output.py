from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.issue_list_item import IssueListItem
    from ..models.issue_state_output import IssueStateOutput


T = TypeVar("T", bound="BoardColumnOutput")


@_attrs_define
class BoardColumnOutput:
    """
    Attributes:
        state (IssueStateOutput):
        issues (list[IssueListItem]): The column's first cards, by position.
        total (int): How many cards the column holds, filters applied: the column's size, however many of its cards this
            answer carries.
        next_cursor (None | str): Null when the column holds no more cards. Otherwise pass it as `cursor` to the
            project's issue list with `state=<this state's id>&ordering=position` (and the same filters) for the cards that
            follow.
    """

    state: IssueStateOutput
    issues: list[IssueListItem]
    total: int
    next_cursor: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        state = self.state.to_dict()

        issues = []
        for issues_item_data in self.issues:
            issues_item = issues_item_data.to_dict()
            issues.append(issues_item)

        total = self.total

        next_cursor: None | str
        next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "state": state,
                "issues": issues,
                "total": total,
                "next_cursor": next_cursor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.issue_list_item import IssueListItem  # noqa: PLC0415
        from ..models.issue_state_output import IssueStateOutput  # noqa: PLC0415

        d = dict(src_dict)
        state = IssueStateOutput.from_dict(d.pop("state"))

        issues = []
        _issues = d.pop("issues")
        for issues_item_data in _issues:
            issues_item = IssueListItem.from_dict(issues_item_data)

            issues.append(issues_item)

        total = d.pop("total")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor"))

        board_column_output = cls(
            state=state,
            issues=issues,
            total=total,
            next_cursor=next_cursor,
        )

        board_column_output.additional_properties = d
        return board_column_output

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
