"""The analytics app's models live in the `analytics` database and nowhere else; no other app's
models ever go there. First in DATABASE_ROUTERS: it answers for its own app and refuses the
`analytics` alias to everyone else, and leaves the rest to the primary/replica router."""

from typing import Any

from django.db.models import Model

ANALYTICS = "analytics"
APP_LABEL = "analytics"


def _is_analytics(model: type[Model]) -> bool:
    return model._meta.app_label == APP_LABEL


class AnalyticsRouter:
    def db_for_read(self, model: type[Model], **hints: Any) -> str | None:
        return ANALYTICS if _is_analytics(model) else None

    def db_for_write(self, model: type[Model], **hints: Any) -> str | None:
        return ANALYTICS if _is_analytics(model) else None

    def allow_relation(self, obj1: Any, obj2: Any, **hints: Any) -> bool | None:
        # Facts name issues and projects by id, never by foreign key: no relation crosses.
        if _is_analytics(type(obj1)) or _is_analytics(type(obj2)):
            return _is_analytics(type(obj1)) and _is_analytics(type(obj2))
        return None

    def allow_migrate(self, db: str, app_label: str, **hints: Any) -> bool | None:
        if app_label == APP_LABEL:
            return db == ANALYTICS
        if db == ANALYTICS:
            return False
        return None
