from django.urls import path
from oauth2_provider import views as oauth_provider

from docket.workspaces.api import oauth_views, views

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
    path(
        "workspaces/<slug:workspace_slug>/oauth-apps",
        oauth_views.OAuthAppListCreateView.as_view(),
        name="oauth-apps",
    ),
    path(
        "workspaces/<slug:workspace_slug>/oauth-apps/<uuid:app_id>",
        oauth_views.OAuthAppDetailView.as_view(),
        name="oauth-app",
    ),
    path(
        "workspaces/<slug:workspace_slug>/oauth-installations",
        oauth_views.OAuthInstallationListView.as_view(),
        name="oauth-installations",
    ),
    path(
        "workspaces/<slug:workspace_slug>/oauth-installations/<int:installation_id>",
        oauth_views.OAuthInstallationDetailView.as_view(),
        name="oauth-installation",
    ),
    path("oauth/authorize", oauth_views.OAuthAuthorizeView.as_view(), name="oauth-authorize"),
    # RFC 6749 token and RFC 7009 revocation endpoints: form-encoded, not part of the JSON
    # schema (documented in docs/tokens.md).
    path("oauth/token", oauth_provider.TokenView.as_view(), name="oauth-token"),
    path("oauth/revoke", oauth_provider.RevokeTokenView.as_view(), name="oauth-revoke"),
    path("invitations/accept", views.InvitationAcceptView.as_view(), name="invitation-accept"),
]
