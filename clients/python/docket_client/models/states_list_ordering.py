from enum import StrEnum


class StatesListOrdering(StrEnum):
    POSITION = "position"
    POSITION_DESC = "-position"

    def __str__(self) -> str:
        return str(self.value)
