from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_workspace_output_list import PaginatedWorkspaceOutputList
from ...models.problem_output import ProblemOutput
from ...models.workspaces_list_ordering import WorkspacesListOrdering
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: WorkspacesListOrdering | Unset = WorkspacesListOrdering.NAME,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["cursor"] = cursor

    params["limit"] = limit

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/workspaces",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedWorkspaceOutputList | ProblemOutput | None:
    if response.status_code == 200:
        response_200 = PaginatedWorkspaceOutputList.from_dict(response.json())

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

    if response.status_code == 429:
        response_429 = ProblemOutput.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[PaginatedWorkspaceOutputList | ProblemOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: WorkspacesListOrdering | Unset = WorkspacesListOrdering.NAME,
) -> Response[PaginatedWorkspaceOutputList | ProblemOutput]:
    """Workspaces the caller belongs to

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (WorkspacesListOrdering | Unset):  Default: WorkspacesListOrdering.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedWorkspaceOutputList | ProblemOutput]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        ordering=ordering,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: WorkspacesListOrdering | Unset = WorkspacesListOrdering.NAME,
) -> PaginatedWorkspaceOutputList | ProblemOutput | None:
    """Workspaces the caller belongs to

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (WorkspacesListOrdering | Unset):  Default: WorkspacesListOrdering.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedWorkspaceOutputList | ProblemOutput
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
        ordering=ordering,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: WorkspacesListOrdering | Unset = WorkspacesListOrdering.NAME,
) -> Response[PaginatedWorkspaceOutputList | ProblemOutput]:
    """Workspaces the caller belongs to

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (WorkspacesListOrdering | Unset):  Default: WorkspacesListOrdering.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedWorkspaceOutputList | ProblemOutput]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
        ordering=ordering,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    cursor: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: WorkspacesListOrdering | Unset = WorkspacesListOrdering.NAME,
) -> PaginatedWorkspaceOutputList | ProblemOutput | None:
    """Workspaces the caller belongs to

    Args:
        cursor (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (WorkspacesListOrdering | Unset):  Default: WorkspacesListOrdering.NAME.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedWorkspaceOutputList | ProblemOutput
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            ordering=ordering,
        )
    ).parsed
