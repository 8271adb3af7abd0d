from enum import StrEnum


class ProjectMembersListOrdering(StrEnum):
    ADDED = "added"
    ADDED_DESC = "-added"

    def __str__(self) -> str:
        return str(self.value)
