from enum import StrEnum


class IssueLinkedWebhookPayloadType(StrEnum):
    ISSUE_LINKED = "issue.linked"

    def __str__(self) -> str:
        return str(self.value)
