from enum import StrEnum


class StateCreatedRealtimeEventName(StrEnum):
    STATE_CREATED = "state.created"

    def __str__(self) -> str:
        return str(self.value)
