from django.urls import path

from docket.projects.api import views

project = "workspaces/<slug:workspace_slug>/projects/<project_key:project_key>"

urlpatterns = [
    path(
        "workspaces/<slug:workspace_slug>/projects",
        views.ProjectListCreateView.as_view(),
        name="projects",
    ),
    path(project, views.ProjectDetailView.as_view(), name="project"),
    path(f"{project}/archive", views.ProjectArchiveView.as_view(), name="project-archive"),
    path(f"{project}/unarchive", views.ProjectUnarchiveView.as_view(), name="project-unarchive"),
    path(f"{project}/members", views.ProjectMemberListView.as_view(), name="project-members"),
    path(
        f"{project}/members/<uuid:user_id>",
        views.ProjectMemberDetailView.as_view(),
        name="project-member",
    ),
    path(f"{project}/states", views.StateListCreateView.as_view(), name="states"),
    path(f"{project}/states/reorder", views.StateReorderView.as_view(), name="states-reorder"),
    path(f"{project}/states/<uuid:state_id>", views.StateDetailView.as_view(), name="state"),
    path(f"{project}/labels", views.LabelListCreateView.as_view(), name="labels"),
    path(f"{project}/labels/<uuid:label_id>", views.LabelDetailView.as_view(), name="label"),
]
