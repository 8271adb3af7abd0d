from enum import StrEnum


class IssueMovedWebhookPayloadType(StrEnum):
    ISSUE_MOVED = "issue.moved"

    def __str__(self) -> str:
        return str(self.value)
