from enum import StrEnum


class LabelCreatedRealtimeEventFieldsItem(StrEnum):
    COLOR = "color"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
