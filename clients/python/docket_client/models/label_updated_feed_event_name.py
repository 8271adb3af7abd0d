from enum import StrEnum


class LabelUpdatedFeedEventName(StrEnum):
    LABEL_UPDATED = "label.updated"

    def __str__(self) -> str:
        return str(self.value)
