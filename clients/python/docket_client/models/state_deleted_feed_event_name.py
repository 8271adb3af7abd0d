from enum import StrEnum


class StateDeletedFeedEventName(StrEnum):
    STATE_DELETED = "state.deleted"

    def __str__(self) -> str:
        return str(self.value)
