from django.urls import path

from docket.integrations.api import views

urlpatterns = [
    path(
        "workspaces/<slug:workspace_slug>/events",
        views.EventFeedView.as_view(),
        name="events-feed",
    ),
]
