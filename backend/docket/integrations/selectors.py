"""Reads of the integrations app: the change feed (a workspace's events in commit-safe order,
filtered to what the caller sees), webhook endpoints and their delivery log (admins)."""

import uuid

from django.db.models import Prefetch, QuerySet

from docket.core.access import Access
from docket.core.errors import NotFound
from docket.core.models import CommittedHorizon, Event
from docket.core.visibility import event_visibility
from docket.integrations.models import WebhookAttempt, WebhookDelivery, WebhookEndpoint
from docket.integrations.permissions import ensure_can_manage_webhooks


def visible_events(*, access: Access) -> QuerySet[Event]:
    """The events of the caller's workspace that the caller may see: those of visible projects
    (deletions included), and workspace-level ones by role (the rule of
    `docket.core.visibility`, as SQL)."""
    return Event.objects.filter(workspace_id=access.workspace_id).filter(
        event_visibility(access).as_q()
    )


def event_feed(*, access: Access) -> QuerySet[Event]:
    """The change feed: `visible_events` that are committed. Only events below the commit
    horizon are returned, so a page never moves past an event still to commit."""
    return visible_events(access=access).filter(txid__lt=CommittedHorizon()).select_related("actor")


def webhook_endpoint_list(*, access: Access) -> QuerySet[WebhookEndpoint]:
    """The workspace's webhook endpoints. Admins and owners only: URLs often carry a receiver's
    credential."""
    ensure_can_manage_webhooks(access)
    return WebhookEndpoint.objects.filter(workspace_id=access.workspace_id)


def webhook_endpoint_get(*, access: Access, endpoint_id: uuid.UUID) -> WebhookEndpoint:
    endpoint = webhook_endpoint_list(access=access).filter(pk=endpoint_id).first()
    if endpoint is None:
        raise NotFound("Webhook endpoint not found.", code="webhook_not_found")
    return endpoint


def webhook_delivery_list(
    *, access: Access, endpoint: WebhookEndpoint
) -> QuerySet[WebhookDelivery]:
    """An endpoint's delivery log, each delivery with its attempts (newest first). Admins and
    owners, like the endpoints themselves."""
    ensure_can_manage_webhooks(access)
    access.ensure_in_workspace(endpoint)
    return WebhookDelivery.objects.filter(endpoint=endpoint).prefetch_related(
        Prefetch("log", queryset=WebhookAttempt.objects.order_by("-id"))
    )


def webhook_delivery_get(
    *, access: Access, endpoint: WebhookEndpoint, delivery_id: uuid.UUID
) -> WebhookDelivery:
    delivery = (
        webhook_delivery_list(access=access, endpoint=endpoint)
        .select_related("endpoint")
        .filter(pk=delivery_id)
        .first()
    )
    if delivery is None:
        raise NotFound("Delivery not found.", code="webhook_delivery_not_found")
    return delivery
