from enum import StrEnum


class IssueLinkedRealtimeEventFieldsItem(StrEnum):
    ISSUE = "issue"
    RELATION = "relation"

    def __str__(self) -> str:
        return str(self.value)
