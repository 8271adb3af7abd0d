from enum import StrEnum


class ReasonEnum(StrEnum):
    ASSIGNED = "assigned"
    COMMENTED = "commented"
    MENTIONED = "mentioned"
    STATE_CHANGED = "state_changed"

    def __str__(self) -> str:
        return str(self.value)
