from enum import StrEnum


class ProjectMemberRemovedRealtimeEventFieldsItem(StrEnum):
    USER_ID = "user_id"

    def __str__(self) -> str:
        return str(self.value)
