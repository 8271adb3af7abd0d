from enum import StrEnum


class StateDeletedWebhookPayloadType(StrEnum):
    STATE_DELETED = "state.deleted"

    def __str__(self) -> str:
        return str(self.value)
