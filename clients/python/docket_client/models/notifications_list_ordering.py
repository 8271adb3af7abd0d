from enum import StrEnum


class NotificationsListOrdering(StrEnum):
    UNREAD_FIRST = "unread_first"
    UNREAD_FIRST_DESC = "-unread_first"

    def __str__(self) -> str:
        return str(self.value)
