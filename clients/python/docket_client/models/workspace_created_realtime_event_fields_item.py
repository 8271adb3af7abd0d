from enum import StrEnum


class WorkspaceCreatedRealtimeEventFieldsItem(StrEnum):
    NAME = "name"
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
