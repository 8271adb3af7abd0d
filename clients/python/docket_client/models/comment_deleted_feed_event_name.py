from enum import StrEnum


class CommentDeletedFeedEventName(StrEnum):
    COMMENT_DELETED = "comment.deleted"

    def __str__(self) -> str:
        return str(self.value)
