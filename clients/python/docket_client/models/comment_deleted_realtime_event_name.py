from enum import StrEnum


class CommentDeletedRealtimeEventName(StrEnum):
    COMMENT_DELETED = "comment.deleted"

    def __str__(self) -> str:
        return str(self.value)
