from enum import StrEnum


class MemberRemovedRealtimeEventFieldsItem(StrEnum):
    ROLE = "role"
    USER_ID = "user_id"

    def __str__(self) -> str:
        return str(self.value)
