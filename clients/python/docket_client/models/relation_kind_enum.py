from enum import StrEnum


class RelationKindEnum(StrEnum):
    BLOCKED_BY = "blocked_by"
    BLOCKS = "blocks"
    DUPLICATED_BY = "duplicated_by"
    DUPLICATES = "duplicates"
    RELATES = "relates"

    def __str__(self) -> str:
        return str(self.value)
