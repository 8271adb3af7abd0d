from enum import StrEnum


class StateUpdatedFeedEventName(StrEnum):
    STATE_UPDATED = "state.updated"

    def __str__(self) -> str:
        return str(self.value)
