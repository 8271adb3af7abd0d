from enum import StrEnum


class LabelUpdatedRealtimeEventFieldsItem(StrEnum):
    COLOR = "color"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
