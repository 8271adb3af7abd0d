from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem_output import ProblemOutput
from ...models.webhook_endpoint_create_input import WebhookEndpointCreateInput
from ...models.webhook_endpoint_created_output import WebhookEndpointCreatedOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    *,
    body: WebhookEndpointCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/workspaces/{workspace_slug}/webhooks".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ProblemOutput | WebhookEndpointCreatedOutput | None:
    if response.status_code == 201:
        response_201 = WebhookEndpointCreatedOutput.from_dict(response.json())

        return response_201

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

    if response.status_code == 409:
        response_409 = ProblemOutput.from_dict(response.json())

        return response_409

    if response.status_code == 413:
        response_413 = ProblemOutput.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = ProblemOutput.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ProblemOutput.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ProblemOutput | WebhookEndpointCreatedOutput]:
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
    body: WebhookEndpointCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemOutput | WebhookEndpointCreatedOutput]:
    """Register a webhook endpoint (admins); its signing secret is shown once

     The workspace's webhook endpoints (admins and owners).

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        body (WebhookEndpointCreateInput): Input serializer that refuses fields it does not know
            (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemOutput | WebhookEndpointCreatedOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> ProblemOutput | WebhookEndpointCreatedOutput | None:
    """Register a webhook endpoint (admins); its signing secret is shown once

     The workspace's webhook endpoints (admins and owners).

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        body (WebhookEndpointCreateInput): Input serializer that refuses fields it does not know
            (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemOutput | WebhookEndpointCreatedOutput
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[ProblemOutput | WebhookEndpointCreatedOutput]:
    """Register a webhook endpoint (admins); its signing secret is shown once

     The workspace's webhook endpoints (admins and owners).

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        body (WebhookEndpointCreateInput): Input serializer that refuses fields it does not know
            (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ProblemOutput | WebhookEndpointCreatedOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    *,
    client: AuthenticatedClient,
    body: WebhookEndpointCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> ProblemOutput | WebhookEndpointCreatedOutput | None:
    """Register a webhook endpoint (admins); its signing secret is shown once

     The workspace's webhook endpoints (admins and owners).

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        body (WebhookEndpointCreateInput): Input serializer that refuses fields it does not know
            (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ProblemOutput | WebhookEndpointCreatedOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
