from enum import StrEnum


class InvitationCreatedWebhookPayloadType(StrEnum):
    INVITATION_CREATED = "invitation.created"

    def __str__(self) -> str:
        return str(self.value)
