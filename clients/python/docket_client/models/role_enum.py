from enum import StrEnum


class RoleEnum(StrEnum):
    ADMIN = "admin"
    GUEST = "guest"
    MEMBER = "member"
    OWNER = "owner"

    def __str__(self) -> str:
        return str(self.value)
