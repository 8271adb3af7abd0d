from enum import StrEnum


class LabelUpdatedRealtimeEventName(StrEnum):
    LABEL_UPDATED = "label.updated"

    def __str__(self) -> str:
        return str(self.value)
