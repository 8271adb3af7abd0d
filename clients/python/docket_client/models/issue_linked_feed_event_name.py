from enum import StrEnum


class IssueLinkedFeedEventName(StrEnum):
    ISSUE_LINKED = "issue.linked"

    def __str__(self) -> str:
        return str(self.value)
