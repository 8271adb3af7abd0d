from django.urls import path

from docket.analytics.api import views

workspace = "workspaces/<slug:workspace_slug>"

urlpatterns = [
    path(f"{workspace}/insights", views.WorkspaceInsightsView.as_view(), name="workspace-insights"),
    path(
        f"{workspace}/projects/<project_key:project_key>/insights",
        views.ProjectInsightsView.as_view(),
        name="project-insights",
    ),
]
