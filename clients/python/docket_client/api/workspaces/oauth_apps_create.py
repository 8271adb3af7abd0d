from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_app_create_input import OAuthAppCreateInput
from ...models.o_auth_app_created_output import OAuthAppCreatedOutput
from ...models.problem_output import ProblemOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    *,
    body: OAuthAppCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/workspaces/{workspace_slug}/oauth-apps".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthAppCreatedOutput | ProblemOutput | None:
    if response.status_code == 201:
        response_201 = OAuthAppCreatedOutput.from_dict(response.json())

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
) -> Response[OAuthAppCreatedOutput | ProblemOutput]:
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
    body: OAuthAppCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[OAuthAppCreatedOutput | ProblemOutput]:
    """Register an OAuth app (authorization code + PKCE); the secret is shown once

     OAuth apps registered in the workspace (admins; a signed-in session only).

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        body (OAuthAppCreateInput): Input serializer that refuses fields it does not know (no
            silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthAppCreatedOutput | ProblemOutput]
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
    body: OAuthAppCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> OAuthAppCreatedOutput | ProblemOutput | None:
    """Register an OAuth app (authorization code + PKCE); the secret is shown once

     OAuth apps registered in the workspace (admins; a signed-in session only).

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        body (OAuthAppCreateInput): Input serializer that refuses fields it does not know (no
            silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthAppCreatedOutput | ProblemOutput
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
    body: OAuthAppCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> Response[OAuthAppCreatedOutput | ProblemOutput]:
    """Register an OAuth app (authorization code + PKCE); the secret is shown once

     OAuth apps registered in the workspace (admins; a signed-in session only).

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        body (OAuthAppCreateInput): Input serializer that refuses fields it does not know (no
            silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthAppCreatedOutput | ProblemOutput]
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
    body: OAuthAppCreateInput,
    idempotency_key: str | Unset = UNSET,
) -> OAuthAppCreatedOutput | ProblemOutput | None:
    """Register an OAuth app (authorization code + PKCE); the secret is shown once

     OAuth apps registered in the workspace (admins; a signed-in session only).

    Args:
        workspace_slug (str):
        idempotency_key (str | Unset):
        body (OAuthAppCreateInput): Input serializer that refuses fields it does not know (no
            silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthAppCreatedOutput | ProblemOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
