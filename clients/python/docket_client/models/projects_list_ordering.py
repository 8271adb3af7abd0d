from enum import StrEnum


class ProjectsListOrdering(StrEnum):
    CREATED = "created"
    CREATED_DESC = "-created"
    KEY = "key"
    KEY_DESC = "-key"
    NAME = "name"
    NAME_DESC = "-name"

    def __str__(self) -> str:
        return str(self.value)
