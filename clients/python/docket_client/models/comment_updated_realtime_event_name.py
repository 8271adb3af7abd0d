from enum import StrEnum


class CommentUpdatedRealtimeEventName(StrEnum):
    COMMENT_UPDATED = "comment.updated"

    def __str__(self) -> str:
        return str(self.value)
