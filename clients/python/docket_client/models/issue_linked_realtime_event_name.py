from enum import StrEnum


class IssueLinkedRealtimeEventName(StrEnum):
    ISSUE_LINKED = "issue.linked"

    def __str__(self) -> str:
        return str(self.value)
