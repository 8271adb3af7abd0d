from enum import StrEnum


class ProjectUpdatedRealtimeEventName(StrEnum):
    PROJECT_UPDATED = "project.updated"

    def __str__(self) -> str:
        return str(self.value)
