from enum import StrEnum


class WorkspaceDeletedRealtimeEventFieldsItem(StrEnum):
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
