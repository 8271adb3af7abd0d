from enum import StrEnum


class OauthAppsListOrdering(StrEnum):
    CREATED = "created"
    CREATED_DESC = "-created"

    def __str__(self) -> str:
        return str(self.value)
