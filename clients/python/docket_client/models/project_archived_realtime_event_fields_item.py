from enum import StrEnum


class ProjectArchivedRealtimeEventFieldsItem(StrEnum):
    ARCHIVED_AT = "archived_at"

    def __str__(self) -> str:
        return str(self.value)
