from enum import StrEnum


class RefreshTransportEnum(StrEnum):
    BODY = "body"
    COOKIE = "cookie"

    def __str__(self) -> str:
        return str(self.value)
