from enum import StrEnum


class WorkspaceUpdatedWebhookPayloadType(StrEnum):
    WORKSPACE_UPDATED = "workspace.updated"

    def __str__(self) -> str:
        return str(self.value)
