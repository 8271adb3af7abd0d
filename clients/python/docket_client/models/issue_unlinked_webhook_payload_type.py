from enum import StrEnum


class IssueUnlinkedWebhookPayloadType(StrEnum):
    ISSUE_UNLINKED = "issue.unlinked"

    def __str__(self) -> str:
        return str(self.value)
