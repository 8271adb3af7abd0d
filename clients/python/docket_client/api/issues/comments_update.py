from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.comment_output import CommentOutput
from ...models.patched_comment_update_input import PatchedCommentUpdateInput
from ...models.problem_output import ProblemOutput
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    issue_key: str,
    comment_id: UUID,
    *,
    body: PatchedCommentUpdateInput | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/workspaces/{workspace_slug}/issues/{issue_key}/comments/{comment_id}".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
            issue_key=quote(str(issue_key), safe=""),
            comment_id=quote(str(comment_id), safe=""),
        ),
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CommentOutput | ProblemOutput | None:
    if response.status_code == 200:
        response_200 = CommentOutput.from_dict(response.json())

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
) -> Response[CommentOutput | ProblemOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workspace_slug: str,
    issue_key: str,
    comment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedCommentUpdateInput | Unset = UNSET,
) -> Response[CommentOutput | ProblemOutput]:
    """Edit one's own comment

    Args:
        workspace_slug (str):
        issue_key (str):
        comment_id (UUID):
        body (PatchedCommentUpdateInput | Unset): Input serializer that refuses fields it does not
            know (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        issue_key=issue_key,
        comment_id=comment_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_slug: str,
    issue_key: str,
    comment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedCommentUpdateInput | Unset = UNSET,
) -> CommentOutput | ProblemOutput | None:
    """Edit one's own comment

    Args:
        workspace_slug (str):
        issue_key (str):
        comment_id (UUID):
        body (PatchedCommentUpdateInput | Unset): Input serializer that refuses fields it does not
            know (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentOutput | ProblemOutput
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        issue_key=issue_key,
        comment_id=comment_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    issue_key: str,
    comment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedCommentUpdateInput | Unset = UNSET,
) -> Response[CommentOutput | ProblemOutput]:
    """Edit one's own comment

    Args:
        workspace_slug (str):
        issue_key (str):
        comment_id (UUID):
        body (PatchedCommentUpdateInput | Unset): Input serializer that refuses fields it does not
            know (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CommentOutput | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        issue_key=issue_key,
        comment_id=comment_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    issue_key: str,
    comment_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PatchedCommentUpdateInput | Unset = UNSET,
) -> CommentOutput | ProblemOutput | None:
    """Edit one's own comment

    Args:
        workspace_slug (str):
        issue_key (str):
        comment_id (UUID):
        body (PatchedCommentUpdateInput | Unset): Input serializer that refuses fields it does not
            know (no silent mass assignment).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CommentOutput | ProblemOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            issue_key=issue_key,
            comment_id=comment_id,
            client=client,
            body=body,
        )
    ).parsed
