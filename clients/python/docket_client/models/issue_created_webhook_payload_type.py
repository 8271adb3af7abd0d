from enum import StrEnum


class IssueCreatedWebhookPayloadType(StrEnum):
    ISSUE_CREATED = "issue.created"

    def __str__(self) -> str:
        return str(self.value)
