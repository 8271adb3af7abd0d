from enum import StrEnum


class InvitationAcceptedRealtimeEventFieldsItem(StrEnum):
    ROLE = "role"
    USER_ID = "user_id"

    def __str__(self) -> str:
        return str(self.value)
