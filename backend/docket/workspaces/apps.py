from django.apps import AppConfig


class WorkspacesConfig(AppConfig):
    name = "docket.workspaces"
    label = "workspaces"
