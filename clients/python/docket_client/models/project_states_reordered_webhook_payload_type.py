from enum import StrEnum


class ProjectStatesReorderedWebhookPayloadType(StrEnum):
    PROJECT_STATES_REORDERED = "project.states_reordered"

    def __str__(self) -> str:
        return str(self.value)
