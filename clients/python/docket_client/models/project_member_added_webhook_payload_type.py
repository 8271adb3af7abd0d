from enum import StrEnum


class ProjectMemberAddedWebhookPayloadType(StrEnum):
    PROJECT_MEMBER_ADDED = "project.member_added"

    def __str__(self) -> str:
        return str(self.value)
