from django.apps import AppConfig


class IssuesConfig(AppConfig):
    name = "docket.issues"
    label = "issues"

    def ready(self) -> None:
        # Declares this app's event types in the registry the schema and consumers read.
        from docket.issues import events  # noqa: F401
