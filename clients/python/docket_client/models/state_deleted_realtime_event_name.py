from enum import StrEnum


class StateDeletedRealtimeEventName(StrEnum):
    STATE_DELETED = "state.deleted"

    def __str__(self) -> str:
        return str(self.value)
