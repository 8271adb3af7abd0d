from enum import StrEnum


class MemberRoleChangedRealtimeEventName(StrEnum):
    MEMBER_ROLE_CHANGED = "member.role_changed"

    def __str__(self) -> str:
        return str(self.value)
