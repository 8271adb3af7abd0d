from enum import StrEnum


class ProjectDeletedRealtimeEventFieldsItem(StrEnum):
    DELETED_ISSUES = "deleted_issues"
    KEY = "key"

    def __str__(self) -> str:
        return str(self.value)
