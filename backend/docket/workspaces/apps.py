from django.apps import AppConfig


class WorkspacesConfig(AppConfig):
    name = "docket.workspaces"
    label = "workspaces"

    def ready(self) -> None:
        # Declares this app's event types in the registry the schema and consumers read.
        from docket.workspaces import events  # noqa: F401
