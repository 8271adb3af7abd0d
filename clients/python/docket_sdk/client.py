"""`Docket`: the generated client with a personal access token, errors, paging and retries."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import TracebackType
from typing import Any, TypeVar

import httpx

from docket_client import AuthenticatedClient
from docket_client.api.integrations import events_feed
from docket_client.models import ProblemOutput
from docket_client.types import UNSET, Response
from docket_sdk.errors import ApiError
from docket_sdk.events import FeedEvent
from docket_sdk.paging import PageT
from docket_sdk.retry import RetryPolicy, RetryTransport

T = TypeVar("T")
ParsedT = TypeVar("ParsedT")

TOKEN_PREFIX = "dkt_pat_"  # noqa: S105  # the public prefix, not a secret


class Docket:
    """One API, one token. Pass generated operations (`issues_get.sync_detailed`, ...) to `call`.

    ```python
    from docket_client.api.issues import issues_get

    with Docket("https://docket.example", token="dkt_pat_...") as docket:
        issue = parsed_as(docket.call(issues_get.sync_detailed, "acme", "ENG-42"), IssueOutput)
    ```

    `transport` replaces the network below the retries (tests, proxies); `retry` the policy.
    """

    def __init__(
        self,
        base_url: str,
        *,
        token: str,
        retry: RetryPolicy | None = None,
        timeout: float = 10.0,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        if not token.startswith(TOKEN_PREFIX):
            raise ValueError(f"a personal access token starts with {TOKEN_PREFIX!r}")
        self.client = AuthenticatedClient(
            base_url=base_url.rstrip("/"),
            token=token,
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            httpx_args={"transport": RetryTransport(retry, transport)},
        )

    def __enter__(self) -> Docket:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.client.get_httpx_client().close()

    def call(
        self, operation: Callable[..., Response[T]], /, *args: Any, **kwargs: Any
    ) -> Response[T]:
        """Run a generated `sync_detailed` operation with this client. A 4xx or 5xx answer (after
        the retries) raises `ApiError`, or the subclass for its status (`PreconditionFailed`,
        `Forbidden`, ...); anything else is returned with its headers."""
        response = operation(*args, client=self.client, **kwargs)
        if response.status_code >= 400:
            raise ApiError.from_answer(response.status_code, response.content, response.headers)
        return response

    def pages(
        self,
        operation: Callable[..., Response[PageT | ProblemOutput]],
        /,
        *args: Any,
        cursor: str | None = None,
        **kwargs: Any,
    ) -> Iterator[PageT]:
        """Every page of a list operation, following `next_cursor` from `cursor` (or the start).
        Stops after a page without a next cursor, an empty page, or one that hands the same
        cursor back (the end of a feed)."""
        while True:
            response = self.call(operation, *args, cursor=cursor or UNSET, **kwargs)
            page = response.parsed
            if page is None or isinstance(page, ProblemOutput):
                raise TypeError(f"not a page (status {int(response.status_code)})")
            yield page
            if not page.next_cursor or not page.results or page.next_cursor == cursor:
                return
            cursor = page.next_cursor

    def items(
        self,
        operation: Callable[..., Response[PageT | ProblemOutput]],
        /,
        *args: Any,
        **kwargs: Any,
    ) -> Iterator[Any]:
        """Every item of a list operation, across pages (see `pages`)."""
        for page in self.pages(operation, *args, **kwargs):
            yield from page.results

    def changes_since(
        self, workspace_slug: str, cursor: str | None = None, *, limit: int = 100
    ) -> Changes:
        """Read the change feed from `cursor` (None: from the start) to now. Keep the returned
        cursor and pass it next time to get only what happened since, in commit order."""
        events: list[FeedEvent] = []
        position = cursor
        for page in self.pages(
            events_feed.sync_detailed, workspace_slug, cursor=cursor, limit=limit
        ):
            events.extend(page.results)
            position = page.next_cursor or position
        return Changes(events=events, cursor=position)


@dataclass(frozen=True)
class Changes:
    """What the change feed held after a cursor, and the cursor to resume from next time."""

    events: list[FeedEvent]
    cursor: str | None


def parsed_as(response: Response[Any], expected: type[ParsedT]) -> ParsedT:
    """The response's body as `expected` (a generated model), or a TypeError if it is not one
    (an answer the schema does not describe for this operation)."""
    if not isinstance(response.parsed, expected):
        raise TypeError(
            f"expected {expected.__name__}, got {type(response.parsed).__name__} "
            f"(status {int(response.status_code)})"
        )
    return response.parsed


def etag(response: Response[Any]) -> str:
    """The `ETag` of an issue answer, to send back as `if_match=` on a PATCH, move or DELETE."""
    value = response.headers.get("ETag")
    if not value:
        raise ValueError("the answer has no ETag (only single-issue answers are tagged)")
    return value


def replayed(response: Response[Any]) -> bool:
    """Whether the server answered a POST with the stored answer to its `Idempotency-Key`."""
    return response.headers.get("Idempotent-Replayed", "").lower() == "true"
