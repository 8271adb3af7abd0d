from enum import StrEnum


class ProjectCreatedWebhookPayloadType(StrEnum):
    PROJECT_CREATED = "project.created"

    def __str__(self) -> str:
        return str(self.value)
