from django.urls import path

from docket.integrations.api import views

webhooks = "workspaces/<slug:workspace_slug>/webhooks"
endpoint = f"{webhooks}/<uuid:endpoint_id>"

urlpatterns = [
    path(
        "workspaces/<slug:workspace_slug>/events",
        views.EventFeedView.as_view(),
        name="events-feed",
    ),
    path(webhooks, views.WebhookEndpointListCreateView.as_view(), name="webhooks"),
    path(endpoint, views.WebhookEndpointDetailView.as_view(), name="webhook"),
    path(
        f"{endpoint}/rotate-secret",
        views.WebhookSecretRotateView.as_view(),
        name="webhook-rotate-secret",
    ),
    path(
        f"{endpoint}/deliveries", views.WebhookDeliveryListView.as_view(), name="webhook-deliveries"
    ),
    path(
        f"{endpoint}/deliveries/<uuid:delivery_id>/redeliver",
        views.WebhookRedeliverView.as_view(),
        name="webhook-redeliver",
    ),
]
