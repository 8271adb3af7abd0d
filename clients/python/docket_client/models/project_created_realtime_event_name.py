from enum import StrEnum


class ProjectCreatedRealtimeEventName(StrEnum):
    PROJECT_CREATED = "project.created"

    def __str__(self) -> str:
        return str(self.value)
