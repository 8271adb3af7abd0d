from enum import StrEnum


class IssueMovedRealtimeEventFieldsItem(StrEnum):
    COMPLETED_AT = "completed_at"
    POSITION = "position"
    STATE = "state"

    def __str__(self) -> str:
        return str(self.value)
