from django.apps import AppConfig


class IssuesConfig(AppConfig):
    name = "docket.issues"
    label = "issues"

    def ready(self) -> None:
        # Declares this app's event types in the registry the schema and consumers read.
        # The workspaces app, below this one, deletes workspaces; the purge that follows deletes
        # projects and issues too, so it is this app's task, handed over by reference.
        from docket.core.purges import workspace_purge_register
        from docket.issues import events  # noqa: F401
        from docket.issues.tasks import purge_workspace

        workspace_purge_register(purge_workspace)

        # Project writes that reach issues (deleting a state, a label, a project...) call this
        # app's side of them through the projects app, below this one.
        from docket.issues import cascades
        from docket.projects.cascades import issue_cascades_install

        issue_cascades_install(cascades)
