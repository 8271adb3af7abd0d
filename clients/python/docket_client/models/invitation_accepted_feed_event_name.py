from enum import StrEnum


class InvitationAcceptedFeedEventName(StrEnum):
    INVITATION_ACCEPTED = "invitation.accepted"

    def __str__(self) -> str:
        return str(self.value)
