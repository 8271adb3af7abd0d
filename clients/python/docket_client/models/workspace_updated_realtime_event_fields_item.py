from enum import StrEnum


class WorkspaceUpdatedRealtimeEventFieldsItem(StrEnum):
    NAME = "name"
    SLUG = "slug"

    def __str__(self) -> str:
        return str(self.value)
