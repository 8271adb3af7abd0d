from enum import StrEnum


class WorkspaceCreatedFeedEventName(StrEnum):
    WORKSPACE_CREATED = "workspace.created"

    def __str__(self) -> str:
        return str(self.value)
