from enum import StrEnum


class ProjectMemberAddedRealtimeEventName(StrEnum):
    PROJECT_MEMBER_ADDED = "project.member_added"

    def __str__(self) -> str:
        return str(self.value)
