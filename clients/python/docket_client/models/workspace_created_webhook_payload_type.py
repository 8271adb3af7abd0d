from enum import StrEnum


class WorkspaceCreatedWebhookPayloadType(StrEnum):
    WORKSPACE_CREATED = "workspace.created"

    def __str__(self) -> str:
        return str(self.value)
