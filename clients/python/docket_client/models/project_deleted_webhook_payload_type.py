from enum import StrEnum


class ProjectDeletedWebhookPayloadType(StrEnum):
    PROJECT_DELETED = "project.deleted"

    def __str__(self) -> str:
        return str(self.value)
