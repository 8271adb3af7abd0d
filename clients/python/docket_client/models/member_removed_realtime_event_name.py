from enum import StrEnum


class MemberRemovedRealtimeEventName(StrEnum):
    MEMBER_REMOVED = "member.removed"

    def __str__(self) -> str:
        return str(self.value)
