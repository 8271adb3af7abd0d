from enum import StrEnum


class ProjectUpdatedFeedEventName(StrEnum):
    PROJECT_UPDATED = "project.updated"

    def __str__(self) -> str:
        return str(self.value)
