from enum import StrEnum


class ScopeEnum(StrEnum):
    COMMENTS_WRITE = "comments:write"
    EVENTS_READ = "events:read"
    ISSUES_READ = "issues:read"
    ISSUES_WRITE = "issues:write"
    MEMBERS_ADMIN = "members:admin"
    MEMBERS_READ = "members:read"
    NOTIFICATIONS_READ = "notifications:read"
    NOTIFICATIONS_WRITE = "notifications:write"
    PROJECTS_ADMIN = "projects:admin"
    PROJECTS_READ = "projects:read"
    WEBHOOKS_ADMIN = "webhooks:admin"
    WORKSPACE_ADMIN = "workspace:admin"
    WORKSPACE_READ = "workspace:read"

    def __str__(self) -> str:
        return str(self.value)
