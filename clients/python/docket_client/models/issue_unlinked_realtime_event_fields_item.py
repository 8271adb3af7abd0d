from enum import StrEnum


class IssueUnlinkedRealtimeEventFieldsItem(StrEnum):
    ISSUE = "issue"
    RELATION = "relation"

    def __str__(self) -> str:
        return str(self.value)
