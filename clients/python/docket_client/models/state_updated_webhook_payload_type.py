from enum import StrEnum


class StateUpdatedWebhookPayloadType(StrEnum):
    STATE_UPDATED = "state.updated"

    def __str__(self) -> str:
        return str(self.value)
