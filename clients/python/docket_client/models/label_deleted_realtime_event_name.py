from enum import StrEnum


class LabelDeletedRealtimeEventName(StrEnum):
    LABEL_DELETED = "label.deleted"

    def __str__(self) -> str:
        return str(self.value)
