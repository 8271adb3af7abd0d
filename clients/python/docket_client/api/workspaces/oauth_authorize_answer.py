from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.o_auth_consent_input import OAuthConsentInput
from ...models.o_auth_redirect_output import OAuthRedirectOutput
from ...models.problem_output import ProblemOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: OAuthConsentInput,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

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
        "method": "post",
        "url": "/api/v1/oauth/authorize",
        "params": params,
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthRedirectOutput | ProblemOutput | None:
    if response.status_code == 200:
        response_200 = OAuthRedirectOutput.from_dict(response.json())

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
) -> Response[OAuthRedirectOutput | ProblemOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: OAuthConsentInput,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[OAuthRedirectOutput | ProblemOutput]:
    """The member's answer: where to send the browser (with a code, or access_denied)

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
        idempotency_key (str | Unset):
        body (OAuthConsentInput): Input serializer that refuses fields it does not know (no silent
            mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthRedirectOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        body=body,
        client_id=client_id,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        redirect_uri=redirect_uri,
        response_type=response_type,
        scope=scope,
        state=state,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: OAuthConsentInput,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
    idempotency_key: str | Unset = UNSET,
) -> OAuthRedirectOutput | ProblemOutput | None:
    """The member's answer: where to send the browser (with a code, or access_denied)

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
        idempotency_key (str | Unset):
        body (OAuthConsentInput): Input serializer that refuses fields it does not know (no silent
            mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthRedirectOutput | ProblemOutput
    """

    return sync_detailed(
        client=client,
        body=body,
        client_id=client_id,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        redirect_uri=redirect_uri,
        response_type=response_type,
        scope=scope,
        state=state,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: OAuthConsentInput,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[OAuthRedirectOutput | ProblemOutput]:
    """The member's answer: where to send the browser (with a code, or access_denied)

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
        idempotency_key (str | Unset):
        body (OAuthConsentInput): Input serializer that refuses fields it does not know (no silent
            mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthRedirectOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        body=body,
        client_id=client_id,
        code_challenge=code_challenge,
        code_challenge_method=code_challenge_method,
        redirect_uri=redirect_uri,
        response_type=response_type,
        scope=scope,
        state=state,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: OAuthConsentInput,
    client_id: str,
    code_challenge: str,
    code_challenge_method: str,
    redirect_uri: str,
    response_type: str,
    scope: str,
    state: str,
    idempotency_key: str | Unset = UNSET,
) -> OAuthRedirectOutput | ProblemOutput | None:
    """The member's answer: where to send the browser (with a code, or access_denied)

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
        idempotency_key (str | Unset):
        body (OAuthConsentInput): Input serializer that refuses fields it does not know (no silent
            mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthRedirectOutput | ProblemOutput
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            client_id=client_id,
            code_challenge=code_challenge,
            code_challenge_method=code_challenge_method,
            redirect_uri=redirect_uri,
            response_type=response_type,
            scope=scope,
            state=state,
            idempotency_key=idempotency_key,
        )
    ).parsed
