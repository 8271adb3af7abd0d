"""Issue 8's "done when": one integration, written only against the SDK with a personal access
token, that creates, pages, edits with If-Match, retries with an idempotency key, receives signed
webhooks, goes offline, and catches up through the change feed when it is back.

The live server runs with a Celery worker (scripts/sdk-test.sh): webhooks travel the real path,
from the outbox relay to the `webhooks` queue to this test's receiver.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from docket_client.api.integrations import webhooks_create, webhooks_deliveries
from docket_client.api.issues import issues_create, issues_get, issues_update, project_issues_list
from docket_client.models import (
    EventName,
    IssueCreateInput,
    IssueOutput,
    PaginatedWebhookDeliveryOutputList,
    PatchedIssueUpdateInput,
    PriorityEnum,
    WebhookDeliveryOutput,
    WebhookEndpointCreatedOutput,
    WebhookEndpointCreateInput,
)
from docket_sdk import (
    Docket,
    PreconditionFailed,
    WebhookVerificationError,
    etag,
    parsed_as,
    replayed,
    verify_webhook,
)
from tests.conftest import Tenant, unique
from tests.servers import Delivery, WebhookReceiver

DEADLINE_SECONDS = 60.0


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    try:
        yield receiver
    finally:
        receiver.stop()


def _eventually(what: str, check: Callable[[], bool]) -> None:
    deadline = time.monotonic() + DEADLINE_SECONDS
    while not check():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.1)


def _about(deliveries: list[Delivery], key: str, secret: str) -> list[tuple[str, dict[str, Any]]]:
    """The verified payloads about one issue, with their webhook-ids, in arrival order."""
    about: list[tuple[str, dict[str, Any]]] = []
    for delivery in deliveries:
        payload = verify_webhook(secret, delivery.headers, delivery.body)
        if payload["data"]["subject_label"] == key:
            about.append((delivery.headers["webhook-id"], payload))
    return about


def test_an_integration_end_to_end(
    docket: Docket, tenant: Tenant, receiver: WebhookReceiver
) -> None:
    ws = tenant.workspace

    # It registers a webhook for issue events and keeps the secret it is shown once
    endpoint = parsed_as(
        docket.call(
            webhooks_create.sync_detailed,
            ws,
            body=WebhookEndpointCreateInput(
                url=receiver.url, event_types=[EventName.ISSUE_CREATED, EventName.ISSUE_UPDATED]
            ),
        ),
        WebhookEndpointCreatedOutput,
    )
    secret = endpoint.secret

    # It notes where the change feed is now
    cursor = docket.changes_since(ws).cursor

    # It creates an issue with an idempotency key, and the retry of that POST creates nothing
    key = str(uuid.uuid4())
    title = unique("Synced from the tracker")
    body = IssueCreateInput(title=title)
    first = docket.call(
        issues_create.sync_detailed, ws, tenant.project, body=body, idempotency_key=key
    )
    again = docket.call(
        issues_create.sync_detailed, ws, tenant.project, body=body, idempotency_key=key
    )
    issue = parsed_as(first, IssueOutput)
    assert parsed_as(again, IssueOutput).id == issue.id
    assert replayed(again)
    assert not replayed(first)

    # It pages through the project's issues and finds it exactly once
    listed = [
        item.key
        for item in docket.items(
            project_issues_list.sync_detailed, ws, tenant.project, q=title, limit=1
        )
    ]
    assert listed == [issue.key]

    # It edits with If-Match; an edit from a stale copy is refused, not silently applied
    current = docket.call(issues_get.sync_detailed, ws, issue.key)
    docket.call(
        issues_update.sync_detailed,
        ws,
        issue.key,
        body=PatchedIssueUpdateInput(priority=PriorityEnum.HIGH),
        if_match=etag(current),
    )
    with pytest.raises(PreconditionFailed):
        docket.call(
            issues_update.sync_detailed,
            ws,
            issue.key,
            body=PatchedIssueUpdateInput(priority=PriorityEnum.LOW),
            if_match=etag(current),
        )

    # Its receiver gets both changes, signed with its secret, each with its own webhook-id
    _eventually(
        "the created and updated webhooks",
        lambda: len(_about(receiver.received(), issue.key, secret)) >= 2,
    )
    received = _about(receiver.received(), issue.key, secret)
    assert sorted(payload["type"] for _, payload in received) == [
        "issue.created",
        "issue.updated",
    ]
    assert len({webhook_id for webhook_id, _ in received}) == 2
    updated = next(payload for _, payload in received if payload["type"] == "issue.updated")
    assert updated["data"]["changes"]["priority"]["new"] is not None
    # A forged delivery (another secret) does not verify
    forged = receiver.received()[0]
    with pytest.raises(WebhookVerificationError):
        verify_webhook("whsec_" + "A" * 43 + "=", forged.headers, forged.body)

    # Then it goes offline: its receiver is down while someone renames the issue
    receiver.stop()
    docket.call(
        issues_update.sync_detailed,
        ws,
        issue.key,
        body=PatchedIssueUpdateInput(title=f"{title} (renamed)"),
    )
    # Docket tried, and logged the failure (connection refused) for a retry
    deliveries_log = webhooks_deliveries.sync_detailed
    _eventually(
        "the failed attempt in the delivery log",
        lambda: any(
            d.last_error and d.status == "pending"
            for d in parsed_as(
                docket.call(deliveries_log, ws, endpoint.id), PaginatedWebhookDeliveryOutputList
            ).results
        ),
    )

    # Back online, it catches up through the change feed: exactly its changes, in commit order
    receiver.start()

    def caught_up() -> list[tuple[str, str]]:
        return [
            (event.name.value, event.subject_label)
            for event in docket.changes_since(ws, cursor).events
            if event.subject_label == issue.key
        ]

    _eventually("the change feed to show all three changes", lambda: len(caught_up()) >= 3)
    assert caught_up() == [
        ("issue.created", issue.key),
        ("issue.updated", issue.key),
        ("issue.updated", issue.key),
    ]

    # And the webhook it missed arrives on its own (the retry), with the id of the first try
    def renames() -> list[str]:
        return [
            webhook_id
            for webhook_id, payload in _about(receiver.received(), issue.key, secret)
            if payload["type"] == "issue.updated" and "title" in payload["data"]["changes"]
        ]

    _eventually("the missed webhook's retry", lambda: bool(renames()))

    def retried_deliveries() -> list[WebhookDeliveryOutput]:
        log = parsed_as(
            docket.call(deliveries_log, ws, endpoint.id), PaginatedWebhookDeliveryOutputList
        ).results
        return [d for d in log if d.status == "succeeded" and len(d.attempts_log) == 2]

    # (The worker records the success just after the receiver answered.)
    _eventually("the retry to be logged", lambda: bool(retried_deliveries()))
    (renamed,) = retried_deliveries()
    assert renames() == [renamed.webhook_id]
    assert [attempt.status_code for attempt in renamed.attempts_log] == [200, None]
