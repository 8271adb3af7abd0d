from enum import StrEnum


class EventsFeedOrdering(StrEnum):
    COMMIT = "commit"
    COMMIT_DESC = "-commit"

    def __str__(self) -> str:
        return str(self.value)
