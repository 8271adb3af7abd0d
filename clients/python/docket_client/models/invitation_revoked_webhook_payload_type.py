from enum import StrEnum


class InvitationRevokedWebhookPayloadType(StrEnum):
    INVITATION_REVOKED = "invitation.revoked"

    def __str__(self) -> str:
        return str(self.value)
