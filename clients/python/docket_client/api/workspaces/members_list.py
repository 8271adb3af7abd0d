from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.members_list_ordering import MembersListOrdering
from ...models.paginated_member_output_list import PaginatedMemberOutputList
from ...models.problem_output import ProblemOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: MembersListOrdering | Unset = MembersListOrdering.JOINED,
    search: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["search"] = search

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/workspaces/{workspace_slug}/members".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedMemberOutputList | ProblemOutput | None:
    if response.status_code == 200:
        response_200 = PaginatedMemberOutputList.from_dict(response.json())

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
) -> Response[PaginatedMemberOutputList | ProblemOutput]:
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
    ordering: MembersListOrdering | Unset = MembersListOrdering.JOINED,
    search: str | Unset = UNSET,
) -> Response[PaginatedMemberOutputList | ProblemOutput]:
    """Members of the workspace

    Args:
        workspace_slug (str):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (MembersListOrdering | Unset):  Default: MembersListOrdering.JOINED.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedMemberOutputList | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        cursor=cursor,
        limit=limit,
        ordering=ordering,
        search=search,
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
    ordering: MembersListOrdering | Unset = MembersListOrdering.JOINED,
    search: str | Unset = UNSET,
) -> PaginatedMemberOutputList | ProblemOutput | None:
    """Members of the workspace

    Args:
        workspace_slug (str):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (MembersListOrdering | Unset):  Default: MembersListOrdering.JOINED.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedMemberOutputList | ProblemOutput
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        client=client,
        cursor=cursor,
        limit=limit,
        ordering=ordering,
        search=search,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: MembersListOrdering | Unset = MembersListOrdering.JOINED,
    search: str | Unset = UNSET,
) -> Response[PaginatedMemberOutputList | ProblemOutput]:
    """Members of the workspace

    Args:
        workspace_slug (str):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (MembersListOrdering | Unset):  Default: MembersListOrdering.JOINED.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedMemberOutputList | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        cursor=cursor,
        limit=limit,
        ordering=ordering,
        search=search,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: MembersListOrdering | Unset = MembersListOrdering.JOINED,
    search: str | Unset = UNSET,
) -> PaginatedMemberOutputList | ProblemOutput | None:
    """Members of the workspace

    Args:
        workspace_slug (str):
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (MembersListOrdering | Unset):  Default: MembersListOrdering.JOINED.
        search (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedMemberOutputList | ProblemOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            client=client,
            cursor=cursor,
            limit=limit,
            ordering=ordering,
            search=search,
        )
    ).parsed
