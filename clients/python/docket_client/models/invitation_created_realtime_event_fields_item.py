from enum import StrEnum


class InvitationCreatedRealtimeEventFieldsItem(StrEnum):
    EMAIL = "email"
    ROLE = "role"

    def __str__(self) -> str:
        return str(self.value)
