from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.patched_webhook_endpoint_update_input import (
    PatchedWebhookEndpointUpdateInput,
)
from ...models.problem_output import ProblemOutput
from ...models.webhook_endpoint_output import WebhookEndpointOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    endpoint_id: UUID,
    *,
    body: PatchedWebhookEndpointUpdateInput | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/workspaces/{workspace_slug}/webhooks/{endpoint_id}".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
            endpoint_id=quote(str(endpoint_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemOutput | WebhookEndpointOutput | None:
    if response.status_code == 200:
        response_200 = WebhookEndpointOutput.from_dict(response.json())

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
) -> Response[ProblemOutput | WebhookEndpointOutput]:
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
    body: PatchedWebhookEndpointUpdateInput | Unset = UNSET,
) -> Response[ProblemOutput | WebhookEndpointOutput]:
    """Change a webhook endpoint, or turn it off or on again (admins)

    Args:
        workspace_slug (str):
        endpoint_id (UUID):
        body (PatchedWebhookEndpointUpdateInput | Unset): Input serializer that refuses fields it
            does not know (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemOutput | WebhookEndpointOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        endpoint_id=endpoint_id,
        body=body,
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
    body: PatchedWebhookEndpointUpdateInput | Unset = UNSET,
) -> ProblemOutput | WebhookEndpointOutput | None:
    """Change a webhook endpoint, or turn it off or on again (admins)

    Args:
        workspace_slug (str):
        endpoint_id (UUID):
        body (PatchedWebhookEndpointUpdateInput | Unset): Input serializer that refuses fields it
            does not know (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemOutput | WebhookEndpointOutput
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        endpoint_id=endpoint_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedWebhookEndpointUpdateInput | Unset = UNSET,
) -> Response[ProblemOutput | WebhookEndpointOutput]:
    """Change a webhook endpoint, or turn it off or on again (admins)

    Args:
        workspace_slug (str):
        endpoint_id (UUID):
        body (PatchedWebhookEndpointUpdateInput | Unset): Input serializer that refuses fields it
            does not know (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemOutput | WebhookEndpointOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        endpoint_id=endpoint_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    endpoint_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedWebhookEndpointUpdateInput | Unset = UNSET,
) -> ProblemOutput | WebhookEndpointOutput | None:
    """Change a webhook endpoint, or turn it off or on again (admins)

    Args:
        workspace_slug (str):
        endpoint_id (UUID):
        body (PatchedWebhookEndpointUpdateInput | Unset): Input serializer that refuses fields it
            does not know (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemOutput | WebhookEndpointOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            endpoint_id=endpoint_id,
            client=client,
            body=body,
        )
    ).parsed
