from enum import StrEnum


class WorkspaceDeletedRealtimeEventName(StrEnum):
    WORKSPACE_DELETED = "workspace.deleted"

    def __str__(self) -> str:
        return str(self.value)
