from enum import StrEnum


class MemberRemovedFeedEventName(StrEnum):
    MEMBER_REMOVED = "member.removed"

    def __str__(self) -> str:
        return str(self.value)
