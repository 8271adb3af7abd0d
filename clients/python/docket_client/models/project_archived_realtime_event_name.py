from enum import StrEnum


class ProjectArchivedRealtimeEventName(StrEnum):
    PROJECT_ARCHIVED = "project.archived"

    def __str__(self) -> str:
        return str(self.value)
