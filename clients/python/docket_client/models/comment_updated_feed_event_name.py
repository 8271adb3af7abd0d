from enum import StrEnum


class CommentUpdatedFeedEventName(StrEnum):
    COMMENT_UPDATED = "comment.updated"

    def __str__(self) -> str:
        return str(self.value)
