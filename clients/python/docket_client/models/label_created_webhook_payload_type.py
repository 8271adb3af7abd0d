from enum import StrEnum


class LabelCreatedWebhookPayloadType(StrEnum):
    LABEL_CREATED = "label.created"

    def __str__(self) -> str:
        return str(self.value)
