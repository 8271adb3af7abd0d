from enum import StrEnum


class IssueUpdatedRealtimeEventName(StrEnum):
    ISSUE_UPDATED = "issue.updated"

    def __str__(self) -> str:
        return str(self.value)
