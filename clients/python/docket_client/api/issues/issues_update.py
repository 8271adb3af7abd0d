from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.issue_output import IssueOutput
from ...models.patched_issue_update_input import PatchedIssueUpdateInput
from ...models.problem_output import ProblemOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    issue_key: str,
    *,
    body: PatchedIssueUpdateInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/workspaces/{workspace_slug}/issues/{issue_key}".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
            issue_key=quote(str(issue_key), safe=""),
        ),
    }

    if not isinstance(body, Unset):
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
    body: PatchedIssueUpdateInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[IssueOutput | ProblemOutput]:
    """Change some fields of an issue (members)

     A new `state_id` puts the issue at the top of that state's column, as a move without neighbours
    does.

    Args:
        workspace_slug (str):
        issue_key (str):
        if_match (str | Unset):
        body (PatchedIssueUpdateInput | Unset): Every field is optional; only the fields given
            change.

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
    body: PatchedIssueUpdateInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> IssueOutput | ProblemOutput | None:
    """Change some fields of an issue (members)

     A new `state_id` puts the issue at the top of that state's column, as a move without neighbours
    does.

    Args:
        workspace_slug (str):
        issue_key (str):
        if_match (str | Unset):
        body (PatchedIssueUpdateInput | Unset): Every field is optional; only the fields given
            change.

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
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    issue_key: str,
    *,
    client: AuthenticatedClient,
    body: PatchedIssueUpdateInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> Response[IssueOutput | ProblemOutput]:
    """Change some fields of an issue (members)

     A new `state_id` puts the issue at the top of that state's column, as a move without neighbours
    does.

    Args:
        workspace_slug (str):
        issue_key (str):
        if_match (str | Unset):
        body (PatchedIssueUpdateInput | Unset): Every field is optional; only the fields given
            change.

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
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    issue_key: str,
    *,
    client: AuthenticatedClient,
    body: PatchedIssueUpdateInput | Unset = UNSET,
    if_match: str | Unset = UNSET,
) -> IssueOutput | ProblemOutput | None:
    """Change some fields of an issue (members)

     A new `state_id` puts the issue at the top of that state's column, as a move without neighbours
    does.

    Args:
        workspace_slug (str):
        issue_key (str):
        if_match (str | Unset):
        body (PatchedIssueUpdateInput | Unset): Every field is optional; only the fields given
            change.

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
            if_match=if_match,
        )
    ).parsed
