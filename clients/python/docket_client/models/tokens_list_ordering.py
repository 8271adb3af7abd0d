from enum import StrEnum


class TokensListOrdering(StrEnum):
    CREATED = "created"
    CREATED_DESC = "-created"

    def __str__(self) -> str:
        return str(self.value)
