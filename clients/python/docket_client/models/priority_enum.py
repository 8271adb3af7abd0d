from enum import StrEnum


class PriorityEnum(StrEnum):
    HIGH = "high"
    LOW = "low"
    MEDIUM = "medium"
    NONE = "none"
    URGENT = "urgent"

    def __str__(self) -> str:
        return str(self.value)
