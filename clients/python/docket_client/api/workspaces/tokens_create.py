from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.personal_token_create_input import PersonalTokenCreateInput
from ...models.personal_token_created_output import PersonalTokenCreatedOutput
from ...models.problem_output import ProblemOutput
from ...types import Response


def _get_kwargs(
    *,
    body: PersonalTokenCreateInput,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/me/tokens",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PersonalTokenCreatedOutput | ProblemOutput | None:
    if response.status_code == 201:
        response_201 = PersonalTokenCreatedOutput.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ProblemOutput.from_dict(response.json())

        return response_409

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
) -> Response[PersonalTokenCreatedOutput | ProblemOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PersonalTokenCreateInput,
) -> Response[PersonalTokenCreatedOutput | ProblemOutput]:
    """Create a personal access token for one workspace; the secret is shown once

     The caller's personal access tokens. A signed-in session only: a token cannot list or
    mint tokens (403 `session_required`).

    Args:
        body (PersonalTokenCreateInput): Input serializer that refuses fields it does not know (no
            silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonalTokenCreatedOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PersonalTokenCreateInput,
) -> PersonalTokenCreatedOutput | ProblemOutput | None:
    """Create a personal access token for one workspace; the secret is shown once

     The caller's personal access tokens. A signed-in session only: a token cannot list or
    mint tokens (403 `session_required`).

    Args:
        body (PersonalTokenCreateInput): Input serializer that refuses fields it does not know (no
            silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonalTokenCreatedOutput | ProblemOutput
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PersonalTokenCreateInput,
) -> Response[PersonalTokenCreatedOutput | ProblemOutput]:
    """Create a personal access token for one workspace; the secret is shown once

     The caller's personal access tokens. A signed-in session only: a token cannot list or
    mint tokens (403 `session_required`).

    Args:
        body (PersonalTokenCreateInput): Input serializer that refuses fields it does not know (no
            silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PersonalTokenCreatedOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PersonalTokenCreateInput,
) -> PersonalTokenCreatedOutput | ProblemOutput | None:
    """Create a personal access token for one workspace; the secret is shown once

     The caller's personal access tokens. A signed-in session only: a token cannot list or
    mint tokens (403 `session_required`).

    Args:
        body (PersonalTokenCreateInput): Input serializer that refuses fields it does not know (no
            silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PersonalTokenCreatedOutput | ProblemOutput
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
