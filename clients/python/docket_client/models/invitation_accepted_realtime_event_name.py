from enum import StrEnum


class InvitationAcceptedRealtimeEventName(StrEnum):
    INVITATION_ACCEPTED = "invitation.accepted"

    def __str__(self) -> str:
        return str(self.value)
