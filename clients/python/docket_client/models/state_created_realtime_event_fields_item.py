from enum import StrEnum


class StateCreatedRealtimeEventFieldsItem(StrEnum):
    CATEGORY = "category"
    COLOR = "color"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
