from enum import StrEnum


class CommentDeletedRealtimeEventFieldsItem(StrEnum):
    COMMENT_ID = "comment_id"

    def __str__(self) -> str:
        return str(self.value)
