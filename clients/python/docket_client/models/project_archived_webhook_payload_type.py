from enum import StrEnum


class ProjectArchivedWebhookPayloadType(StrEnum):
    PROJECT_ARCHIVED = "project.archived"

    def __str__(self) -> str:
        return str(self.value)
