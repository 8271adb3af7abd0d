"""Docket's Python SDK: the generated client (`docket_client`) with a hand-written layer for
personal access tokens, errors, paging, retries with idempotency keys, `If-Match`, and
verifying webhooks."""

from docket_sdk.client import Changes, Docket, etag, parsed_as, replayed
from docket_sdk.errors import (
    ApiError,
    Forbidden,
    NotFound,
    PreconditionFailed,
    RateLimited,
    Unauthorized,
)
from docket_sdk.events import FeedEvent
from docket_sdk.paging import Page
from docket_sdk.retry import NO_RETRIES, RetryPolicy, RetryTransport
from docket_sdk.webhooks import WebhookVerificationError, verify_webhook

__all__ = [
    "NO_RETRIES",
    "ApiError",
    "Changes",
    "Docket",
    "FeedEvent",
    "Forbidden",
    "NotFound",
    "Page",
    "PreconditionFailed",
    "RateLimited",
    "RetryPolicy",
    "RetryTransport",
    "Unauthorized",
    "WebhookVerificationError",
    "etag",
    "parsed_as",
    "replayed",
    "verify_webhook",
]
