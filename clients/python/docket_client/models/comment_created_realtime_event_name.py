from enum import StrEnum


class CommentCreatedRealtimeEventName(StrEnum):
    COMMENT_CREATED = "comment.created"

    def __str__(self) -> str:
        return str(self.value)
