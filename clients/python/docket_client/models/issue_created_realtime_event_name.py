from enum import StrEnum


class IssueCreatedRealtimeEventName(StrEnum):
    ISSUE_CREATED = "issue.created"

    def __str__(self) -> str:
        return str(self.value)
