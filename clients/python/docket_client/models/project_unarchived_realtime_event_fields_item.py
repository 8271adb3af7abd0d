from enum import StrEnum


class ProjectUnarchivedRealtimeEventFieldsItem(StrEnum):
    ARCHIVED_AT = "archived_at"

    def __str__(self) -> str:
        return str(self.value)
