from enum import StrEnum


class StateUpdatedRealtimeEventFieldsItem(StrEnum):
    CATEGORY = "category"
    COLOR = "color"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
