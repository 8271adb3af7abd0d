from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_output import ProblemOutput
from ...models.webhook_secret_output import WebhookSecretOutput
from ...types import Response


def _get_kwargs(
    workspace_slug: str,
    endpoint_id: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/workspaces/{workspace_slug}/webhooks/{endpoint_id}/rotate-secret".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemOutput | WebhookSecretOutput | None:
    if response.status_code == 200:
        response_200 = WebhookSecretOutput.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = ProblemOutput.from_dict(response.json())

        return response_413

    if response.status_code == 429:
        response_429 = ProblemOutput.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProblemOutput | WebhookSecretOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workspace_slug: str,
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemOutput | WebhookSecretOutput]:
    """Give an endpoint a new signing secret (admins); the old one signs for 24 h more

    Args:
        workspace_slug (str):
        endpoint_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemOutput | WebhookSecretOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        endpoint_id=endpoint_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_slug: str,
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemOutput | WebhookSecretOutput | None:
    """Give an endpoint a new signing secret (admins); the old one signs for 24 h more

    Args:
        workspace_slug (str):
        endpoint_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemOutput | WebhookSecretOutput
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        endpoint_id=endpoint_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
) -> Response[ProblemOutput | WebhookSecretOutput]:
    """Give an endpoint a new signing secret (admins); the old one signs for 24 h more

    Args:
        workspace_slug (str):
        endpoint_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemOutput | WebhookSecretOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        endpoint_id=endpoint_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
) -> ProblemOutput | WebhookSecretOutput | None:
    """Give an endpoint a new signing secret (admins); the old one signs for 24 h more

    Args:
        workspace_slug (str):
        endpoint_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemOutput | WebhookSecretOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            endpoint_id=endpoint_id,
            client=client,
        )
    ).parsed
