from enum import StrEnum


class StateCategoryEnum(StrEnum):
    BACKLOG = "backlog"
    CANCELED = "canceled"
    COMPLETED = "completed"
    STARTED = "started"
    UNSTARTED = "unstarted"

    def __str__(self) -> str:
        return str(self.value)
