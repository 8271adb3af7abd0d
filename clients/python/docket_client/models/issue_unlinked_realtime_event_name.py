from enum import StrEnum


class IssueUnlinkedRealtimeEventName(StrEnum):
    ISSUE_UNLINKED = "issue.unlinked"

    def __str__(self) -> str:
        return str(self.value)
