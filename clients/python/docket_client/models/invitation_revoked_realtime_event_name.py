from enum import StrEnum


class InvitationRevokedRealtimeEventName(StrEnum):
    INVITATION_REVOKED = "invitation.revoked"

    def __str__(self) -> str:
        return str(self.value)
