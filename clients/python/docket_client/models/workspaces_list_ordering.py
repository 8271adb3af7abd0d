from enum import StrEnum


class WorkspacesListOrdering(StrEnum):
    CREATED = "created"
    CREATED_DESC = "-created"
    NAME = "name"
    NAME_DESC = "-name"

    def __str__(self) -> str:
        return str(self.value)
