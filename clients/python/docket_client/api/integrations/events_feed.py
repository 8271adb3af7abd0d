from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.events_feed_ordering import EventsFeedOrdering
from ...models.paginated_feed_event_output_list import PaginatedFeedEventOutputList
from ...models.problem_output import ProblemOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: EventsFeedOrdering | Unset = EventsFeedOrdering.COMMIT,
    project: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["project"] = project

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/workspaces/{workspace_slug}/events".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedFeedEventOutputList | ProblemOutput | None:
    if response.status_code == 200:
        response_200 = PaginatedFeedEventOutputList.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ProblemOutput.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemOutput.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ProblemOutput.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemOutput.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = ProblemOutput.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PaginatedFeedEventOutputList | ProblemOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: EventsFeedOrdering | Unset = EventsFeedOrdering.COMMIT,
    project: str | Unset = UNSET,
) -> Response[PaginatedFeedEventOutputList | ProblemOutput]:
    """The workspace's change feed, in commit order

     Every change the caller may see, deletions included, oldest first. Keep the last `next_cursor` and
    call again to receive only what happened since: an event never appears behind a cursor already
    handed out, however late its transaction commits. An empty page means the caller is up to date: its
    `next_cursor` is the cursor the caller sent (null only while the feed has never had an event for the
    caller); call again later with it. `cursor=now` starts at the head: no events, and the cursor to
    follow only what happens from now on. `project` keeps the events of one project (by key); cursors
    are the same with or without it.

    Args:
        workspace_slug (str):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (EventsFeedOrdering | Unset):  Default: EventsFeedOrdering.COMMIT.
        project (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFeedEventOutputList | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        cursor=cursor,
        limit=limit,
        ordering=ordering,
        project=project,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: EventsFeedOrdering | Unset = EventsFeedOrdering.COMMIT,
    project: str | Unset = UNSET,
) -> PaginatedFeedEventOutputList | ProblemOutput | None:
    """The workspace's change feed, in commit order

     Every change the caller may see, deletions included, oldest first. Keep the last `next_cursor` and
    call again to receive only what happened since: an event never appears behind a cursor already
    handed out, however late its transaction commits. An empty page means the caller is up to date: its
    `next_cursor` is the cursor the caller sent (null only while the feed has never had an event for the
    caller); call again later with it. `cursor=now` starts at the head: no events, and the cursor to
    follow only what happens from now on. `project` keeps the events of one project (by key); cursors
    are the same with or without it.

    Args:
        workspace_slug (str):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (EventsFeedOrdering | Unset):  Default: EventsFeedOrdering.COMMIT.
        project (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFeedEventOutputList | ProblemOutput
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        client=client,
        cursor=cursor,
        limit=limit,
        ordering=ordering,
        project=project,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: EventsFeedOrdering | Unset = EventsFeedOrdering.COMMIT,
    project: str | Unset = UNSET,
) -> Response[PaginatedFeedEventOutputList | ProblemOutput]:
    """The workspace's change feed, in commit order

     Every change the caller may see, deletions included, oldest first. Keep the last `next_cursor` and
    call again to receive only what happened since: an event never appears behind a cursor already
    handed out, however late its transaction commits. An empty page means the caller is up to date: its
    `next_cursor` is the cursor the caller sent (null only while the feed has never had an event for the
    caller); call again later with it. `cursor=now` starts at the head: no events, and the cursor to
    follow only what happens from now on. `project` keeps the events of one project (by key); cursors
    are the same with or without it.

    Args:
        workspace_slug (str):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (EventsFeedOrdering | Unset):  Default: EventsFeedOrdering.COMMIT.
        project (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedFeedEventOutputList | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        cursor=cursor,
        limit=limit,
        ordering=ordering,
        project=project,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: EventsFeedOrdering | Unset = EventsFeedOrdering.COMMIT,
    project: str | Unset = UNSET,
) -> PaginatedFeedEventOutputList | ProblemOutput | None:
    """The workspace's change feed, in commit order

     Every change the caller may see, deletions included, oldest first. Keep the last `next_cursor` and
    call again to receive only what happened since: an event never appears behind a cursor already
    handed out, however late its transaction commits. An empty page means the caller is up to date: its
    `next_cursor` is the cursor the caller sent (null only while the feed has never had an event for the
    caller); call again later with it. `cursor=now` starts at the head: no events, and the cursor to
    follow only what happens from now on. `project` keeps the events of one project (by key); cursors
    are the same with or without it.

    Args:
        workspace_slug (str):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (EventsFeedOrdering | Unset):  Default: EventsFeedOrdering.COMMIT.
        project (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedFeedEventOutputList | ProblemOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            client=client,
            cursor=cursor,
            limit=limit,
            ordering=ordering,
            project=project,
        )
    ).parsed
