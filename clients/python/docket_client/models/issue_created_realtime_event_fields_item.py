from enum import StrEnum


class IssueCreatedRealtimeEventFieldsItem(StrEnum):
    ASSIGNEES = "assignees"
    COMPLETED_AT = "completed_at"
    DESCRIPTION = "description"
    DUE_DATE = "due_date"
    ESTIMATE = "estimate"
    EXTERNAL_REF = "external_ref"
    LABELS = "labels"
    PARENT = "parent"
    PRIORITY = "priority"
    STATE = "state"
    TITLE = "title"

    def __str__(self) -> str:
        return str(self.value)
