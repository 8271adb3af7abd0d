from enum import StrEnum


class ProjectDeletedRealtimeEventName(StrEnum):
    PROJECT_DELETED = "project.deleted"

    def __str__(self) -> str:
        return str(self.value)
