"""URL converters: a malformed key never reaches the database; it is a plain 404."""

from docket.core.keys import ISSUE_KEY, PROJECT_KEY


class ProjectKeyConverter:
    regex = PROJECT_KEY

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class IssueKeyConverter:
    regex = ISSUE_KEY

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class BigIdConverter:
    """A bigint primary key: 1 to 18 digits, so no value can overflow the column."""

    regex = "[1-9][0-9]{0,17}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)
