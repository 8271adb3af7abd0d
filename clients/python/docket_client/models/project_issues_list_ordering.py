from enum import StrEnum


class ProjectIssuesListOrdering(StrEnum):
    CREATED = "created"
    CREATED_DESC = "-created"
    DUE_DATE = "due_date"
    DUE_DATE_DESC = "-due_date"
    NUMBER = "number"
    NUMBER_DESC = "-number"
    POSITION = "position"
    POSITION_DESC = "-position"
    PRIORITY = "priority"
    PRIORITY_DESC = "-priority"
    UPDATED = "updated"
    UPDATED_DESC = "-updated"

    def __str__(self) -> str:
        return str(self.value)
