from enum import StrEnum


class LabelDeletedRealtimeEventFieldsItem(StrEnum):
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
