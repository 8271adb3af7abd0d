from enum import StrEnum


class IssueDeletedRealtimeEventName(StrEnum):
    ISSUE_DELETED = "issue.deleted"

    def __str__(self) -> str:
        return str(self.value)
