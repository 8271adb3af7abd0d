from enum import StrEnum


class LabelUpdatedWebhookPayloadType(StrEnum):
    LABEL_UPDATED = "label.updated"

    def __str__(self) -> str:
        return str(self.value)
