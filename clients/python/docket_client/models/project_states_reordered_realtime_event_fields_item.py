from enum import StrEnum


class ProjectStatesReorderedRealtimeEventFieldsItem(StrEnum):
    STATE_IDS = "state_ids"

    def __str__(self) -> str:
        return str(self.value)
