from enum import StrEnum


class StateDeletedRealtimeEventFieldsItem(StrEnum):
    CATEGORY = "category"
    COLOR = "color"
    MOVED_ISSUES = "moved_issues"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
