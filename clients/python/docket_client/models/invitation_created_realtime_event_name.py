from enum import StrEnum


class InvitationCreatedRealtimeEventName(StrEnum):
    INVITATION_CREATED = "invitation.created"

    def __str__(self) -> str:
        return str(self.value)
