from enum import StrEnum


class ProjectUnarchivedWebhookPayloadType(StrEnum):
    PROJECT_UNARCHIVED = "project.unarchived"

    def __str__(self) -> str:
        return str(self.value)
