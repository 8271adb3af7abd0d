"""URL converters: a malformed key never reaches the database; it is a plain 404."""


class ProjectKeyConverter:
    regex = "[A-Z]{2,10}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class IssueKeyConverter:
    regex = "[A-Z]{2,10}-[1-9][0-9]{0,9}"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value
