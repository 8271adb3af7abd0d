from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_consent_output import OAuthConsentOutput
from ...models.problem_output import ProblemOutput
from ...types import UNSET, Response


def _get_kwargs(
    *,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["client_id"] = client_id

    params["code_challenge"] = code_challenge

    params["code_challenge_method"] = code_challenge_method

    params["redirect_uri"] = redirect_uri

    params["response_type"] = response_type

    params["scope"] = scope

    params["state"] = state

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/oauth/authorize",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthConsentOutput | ProblemOutput | None:
    if response.status_code == 200:
        response_200 = OAuthConsentOutput.from_dict(response.json())

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
) -> Response[OAuthConsentOutput | ProblemOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
) -> Response[OAuthConsentOutput | ProblemOutput]:
    """What an app asks for: its name, workspace and scopes (for the consent screen)

     The consent screen's endpoint (a signed-in member): GET describes the request, POST
    answers it. Both take the app's authorization request as the query string.

    Args:
        client_id (str):
        code_challenge (str):
        code_challenge_method (str):
        redirect_uri (str):
        response_type (str):
        scope (str):
        state (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthConsentOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        redirect_uri=redirect_uri,
        response_type=response_type,
        scope=scope,
        state=state,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
) -> OAuthConsentOutput | ProblemOutput | None:
    """What an app asks for: its name, workspace and scopes (for the consent screen)

     The consent screen's endpoint (a signed-in member): GET describes the request, POST
    answers it. Both take the app's authorization request as the query string.

    Args:
        client_id (str):
        code_challenge (str):
        code_challenge_method (str):
        redirect_uri (str):
        response_type (str):
        scope (str):
        state (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthConsentOutput | ProblemOutput
    """

    return sync_detailed(
        client=client,
        client_id=client_id,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        redirect_uri=redirect_uri,
        response_type=response_type,
        scope=scope,
        state=state,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
) -> Response[OAuthConsentOutput | ProblemOutput]:
    """What an app asks for: its name, workspace and scopes (for the consent screen)

     The consent screen's endpoint (a signed-in member): GET describes the request, POST
    answers it. Both take the app's authorization request as the query string.

    Args:
        client_id (str):
        code_challenge (str):
        code_challenge_method (str):
        redirect_uri (str):
        response_type (str):
        scope (str):
        state (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthConsentOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        client_id=client_id,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        redirect_uri=redirect_uri,
        response_type=response_type,
        scope=scope,
        state=state,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
) -> OAuthConsentOutput | ProblemOutput | None:
    """What an app asks for: its name, workspace and scopes (for the consent screen)

     The consent screen's endpoint (a signed-in member): GET describes the request, POST
    answers it. Both take the app's authorization request as the query string.

    Args:
        client_id (str):
        code_challenge (str):
        code_challenge_method (str):
        redirect_uri (str):
        response_type (str):
        scope (str):
        state (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthConsentOutput | ProblemOutput
    """

    return (
        await asyncio_detailed(
            client=client,
            client_id=client_id,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            redirect_uri=redirect_uri,
            response_type=response_type,
            scope=scope,
            state=state,
        )
    ).parsed
