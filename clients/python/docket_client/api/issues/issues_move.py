from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.issue_move_input import IssueMoveInput
from ...models.issue_output import IssueOutput
from ...models.problem_output import ProblemOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    issue_key: str,
    *,
    body: IssueMoveInput,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/move".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
            issue_key=quote(str(issue_key), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> IssueOutput | ProblemOutput | None:
    if response.status_code == 200:
        response_200 = IssueOutput.from_dict(response.json())

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

    if response.status_code == 412:
        response_412 = ProblemOutput.from_dict(response.json())

        return response_412

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
) -> Response[IssueOutput | ProblemOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workspace_slug: str,
    issue_key: str,
    *,
    client: AuthenticatedClient,
    body: IssueMoveInput,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[IssueOutput | ProblemOutput]:
    """Move an issue to a state and a place in its board column

     Give `after_id`, `before_id`, both, or neither (the top of the column, where every board sees it; a
    state change by update lands there too). Only the moved issue's position changes; the column is
    never renumbered.

    Args:
        workspace_slug (str):
        issue_key (str):
        idempotency_key (str | Unset):
        if_match (str | Unset):
        body (IssueMoveInput): Input serializer that refuses fields it does not know (no silent
            mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssueOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        issue_key=issue_key,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_slug: str,
    issue_key: str,
    *,
    client: AuthenticatedClient,
    body: IssueMoveInput,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> IssueOutput | ProblemOutput | None:
    """Move an issue to a state and a place in its board column

     Give `after_id`, `before_id`, both, or neither (the top of the column, where every board sees it; a
    state change by update lands there too). Only the moved issue's position changes; the column is
    never renumbered.

    Args:
        workspace_slug (str):
        issue_key (str):
        idempotency_key (str | Unset):
        if_match (str | Unset):
        body (IssueMoveInput): Input serializer that refuses fields it does not know (no silent
            mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssueOutput | ProblemOutput
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        issue_key=issue_key,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    issue_key: str,
    *,
    client: AuthenticatedClient,
    body: IssueMoveInput,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[IssueOutput | ProblemOutput]:
    """Move an issue to a state and a place in its board column

     Give `after_id`, `before_id`, both, or neither (the top of the column, where every board sees it; a
    state change by update lands there too). Only the moved issue's position changes; the column is
    never renumbered.

    Args:
        workspace_slug (str):
        issue_key (str):
        idempotency_key (str | Unset):
        if_match (str | Unset):
        body (IssueMoveInput): Input serializer that refuses fields it does not know (no silent
            mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[IssueOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        issue_key=issue_key,
        body=body,
        idempotency_key=idempotency_key,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    issue_key: str,
    *,
    client: AuthenticatedClient,
    body: IssueMoveInput,
    idempotency_key: str | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> IssueOutput | ProblemOutput | None:
    """Move an issue to a state and a place in its board column

     Give `after_id`, `before_id`, both, or neither (the top of the column, where every board sees it; a
    state change by update lands there too). Only the moved issue's position changes; the column is
    never renumbered.

    Args:
        workspace_slug (str):
        issue_key (str):
        idempotency_key (str | Unset):
        if_match (str | Unset):
        body (IssueMoveInput): Input serializer that refuses fields it does not know (no silent
            mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        IssueOutput | ProblemOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            issue_key=issue_key,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
            if_match=if_match,
        )
    ).parsed
