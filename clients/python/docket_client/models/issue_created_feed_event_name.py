from enum import StrEnum


class IssueCreatedFeedEventName(StrEnum):
    ISSUE_CREATED = "issue.created"

    def __str__(self) -> str:
        return str(self.value)
