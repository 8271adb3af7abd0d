from enum import StrEnum


class ProjectUnarchivedRealtimeEventName(StrEnum):
    PROJECT_UNARCHIVED = "project.unarchived"

    def __str__(self) -> str:
        return str(self.value)
