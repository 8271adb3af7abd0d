from enum import StrEnum


class ProjectUpdatedRealtimeEventFieldsItem(StrEnum):
    DESCRIPTION = "description"
    LEAD_ID = "lead_id"
    NAME = "name"

    def __str__(self) -> str:
        return str(self.value)
