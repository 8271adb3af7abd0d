from enum import StrEnum


class MemberRemovedWebhookPayloadType(StrEnum):
    MEMBER_REMOVED = "member.removed"

    def __str__(self) -> str:
        return str(self.value)
