from enum import StrEnum


class ProjectMemberRemovedRealtimeEventName(StrEnum):
    PROJECT_MEMBER_REMOVED = "project.member_removed"

    def __str__(self) -> str:
        return str(self.value)
