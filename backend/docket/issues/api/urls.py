from django.urls import path

from docket.issues.api import views

workspace = "workspaces/<slug:workspace_slug>"
issue = f"{workspace}/issues/<issue_key:issue_key>"

urlpatterns = [
    path(
        f"{workspace}/projects/<project_key:project_key>/issues",
        views.ProjectIssueListCreateView.as_view(),
        name="project-issues",
    ),
    path(
        f"{workspace}/projects/<project_key:project_key>/issues/bulk-create",
        views.IssueBulkCreateView.as_view(),
        name="issues-bulk-create",
    ),
    path(
        f"{workspace}/projects/<project_key:project_key>/board",
        views.ProjectBoardView.as_view(),
        name="project-board",
    ),
    path(f"{workspace}/issues", views.WorkspaceIssueListView.as_view(), name="workspace-issues"),
    path(
        f"{workspace}/issues/bulk-update",
        views.IssueBulkUpdateView.as_view(),
        name="issues-bulk-update",
    ),
    path(issue, views.IssueDetailView.as_view(), name="issue"),
    path(f"{issue}/move", views.IssueMoveView.as_view(), name="issue-move"),
    path(f"{issue}/labels/<uuid:label_id>", views.IssueLabelView.as_view(), name="issue-label"),
    path(
        f"{issue}/assignees/<uuid:user_id>",
        views.IssueAssigneeView.as_view(),
        name="issue-assignee",
    ),
    path(f"{issue}/relations", views.IssueRelationListCreateView.as_view(), name="issue-relations"),
    path(
        f"{issue}/relations/<issue_key:other_key>",
        views.IssueRelationDetailView.as_view(),
        name="issue-relation",
    ),
    path(f"{issue}/activity", views.IssueActivityView.as_view(), name="issue-activity"),
    path(f"{issue}/comments", views.CommentListCreateView.as_view(), name="comments"),
    path(
        f"{issue}/comments/<uuid:comment_id>",
        views.CommentDetailView.as_view(),
        name="comment",
    ),
]
