from enum import StrEnum


class ProjectCreatedRealtimeEventFieldsItem(StrEnum):
    KEY = "key"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
