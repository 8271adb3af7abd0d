from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_output import ProblemOutput
from ...models.project_output import ProjectOutput
from ...types import Response


def _get_kwargs(
    workspace_slug: str,
    project_key: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/workspaces/{workspace_slug}/projects/{project_key}".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
            project_key=quote(str(project_key), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemOutput | ProjectOutput | None:
    if response.status_code == 200:
        response_200 = ProjectOutput.from_dict(response.json())

        return response_200

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
) -> Response[ProblemOutput | ProjectOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workspace_slug: str,
    project_key: str,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemOutput | ProjectOutput]:
    """One project

    Args:
        workspace_slug (str):
        project_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemOutput | ProjectOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        project_key=project_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_slug: str,
    project_key: str,
    *,
    client: AuthenticatedClient,
) -> ProblemOutput | ProjectOutput | None:
    """One project

    Args:
        workspace_slug (str):
        project_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemOutput | ProjectOutput
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        project_key=project_key,
        client=client,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    project_key: str,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemOutput | ProjectOutput]:
    """One project

    Args:
        workspace_slug (str):
        project_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemOutput | ProjectOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        project_key=project_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    project_key: str,
    *,
    client: AuthenticatedClient,
) -> ProblemOutput | ProjectOutput | None:
    """One project

    Args:
        workspace_slug (str):
        project_key (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemOutput | ProjectOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            project_key=project_key,
            client=client,
        )
    ).parsed
