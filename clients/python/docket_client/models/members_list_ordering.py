from enum import StrEnum


class MembersListOrdering(StrEnum):
    JOINED = "joined"
    JOINED_DESC = "-joined"

    def __str__(self) -> str:
        return str(self.value)
