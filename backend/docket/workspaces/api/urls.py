from django.urls import path

from docket.workspaces.api import views

urlpatterns = [
    path("workspaces", views.WorkspaceListCreateView.as_view(), name="workspaces"),
    path("workspaces/<slug:workspace_slug>", views.WorkspaceDetailView.as_view(), name="workspace"),
    path(
        "workspaces/<slug:workspace_slug>/members",
        views.MemberListView.as_view(),
        name="members",
    ),
    path(
        "workspaces/<slug:workspace_slug>/members/<uuid:user_id>",
        views.MemberDetailView.as_view(),
        name="member",
    ),
    path(
        "workspaces/<slug:workspace_slug>/invitations",
        views.InvitationListCreateView.as_view(),
        name="invitations",
    ),
    path(
        "workspaces/<slug:workspace_slug>/invitations/<uuid:invitation_id>",
        views.InvitationDetailView.as_view(),
        name="invitation",
    ),
    path("me/tokens", views.PersonalTokenListCreateView.as_view(), name="tokens"),
    path("me/tokens/<uuid:token_id>", views.PersonalTokenDetailView.as_view(), name="token"),
    path("invitations/accept", views.InvitationAcceptView.as_view(), name="invitation-accept"),
]
