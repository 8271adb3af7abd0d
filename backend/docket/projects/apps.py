from django.apps import AppConfig


class ProjectsConfig(AppConfig):
    name = "docket.projects"
    label = "projects"

    def ready(self) -> None:
        # Declares this app's event types in the registry the schema and consumers read.
        from docket.projects import events  # noqa: F401
