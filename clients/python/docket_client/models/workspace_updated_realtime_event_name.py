from enum import StrEnum


class WorkspaceUpdatedRealtimeEventName(StrEnum):
    WORKSPACE_UPDATED = "workspace.updated"

    def __str__(self) -> str:
        return str(self.value)
