import datetime
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.paginated_issue_list_item_list import PaginatedIssueListItemList
from ...models.problem_output import ProblemOutput
from ...models.project_issues_list_ordering import ProjectIssuesListOrdering
from ...types import UNSET, Response, Unset


def _get_kwargs(
    workspace_slug: str,
    project_key: str,
    *,
    assignee: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    label: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: ProjectIssuesListOrdering | Unset = ProjectIssuesListOrdering.CREATED_DESC,
    parent: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reporter: str | Unset = UNSET,
    state: str | Unset = UNSET,
    state_category: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["assignee"] = assignee

    params["cursor"] = cursor

    json_due_after: str | Unset = UNSET
    if not isinstance(due_after, Unset):
        json_due_after = due_after.isoformat()
    params["due_after"] = json_due_after

    json_due_before: str | Unset = UNSET
    if not isinstance(due_before, Unset):
        json_due_before = due_before.isoformat()
    params["due_before"] = json_due_before

    params["external_ref"] = external_ref

    params["label"] = label

    params["limit"] = limit

    json_ordering: str | Unset = UNSET
    if not isinstance(ordering, Unset):
        json_ordering = ordering.value

    params["ordering"] = json_ordering

    params["parent"] = parent

    params["priority"] = priority

    params["q"] = q

    params["reporter"] = reporter

    params["state"] = state

    params["state_category"] = state_category

    json_updated_since: str | Unset = UNSET
    if not isinstance(updated_since, Unset):
        json_updated_since = updated_since.isoformat()
    params["updated_since"] = json_updated_since

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues".format(
            workspace_slug=quote(str(workspace_slug), safe=""),
            project_key=quote(str(project_key), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PaginatedIssueListItemList | ProblemOutput | None:
    if response.status_code == 200:
        response_200 = PaginatedIssueListItemList.from_dict(response.json())

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
) -> Response[PaginatedIssueListItemList | ProblemOutput]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    workspace_slug: str,
    project_key: str,
    *,
    client: AuthenticatedClient,
    assignee: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    label: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: ProjectIssuesListOrdering | Unset = ProjectIssuesListOrdering.CREATED_DESC,
    parent: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reporter: str | Unset = UNSET,
    state: str | Unset = UNSET,
    state_category: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[PaginatedIssueListItemList | ProblemOutput]:
    """Issues of one project

    Args:
        workspace_slug (str):
        project_key (str):
        assignee (str | Unset):
        cursor (str | Unset):
        due_after (datetime.date | Unset):
        due_before (datetime.date | Unset):
        external_ref (str | Unset):
        label (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (ProjectIssuesListOrdering | Unset):  Default:
            ProjectIssuesListOrdering.CREATED_DESC.
        parent (str | Unset):
        priority (str | Unset):
        q (str | Unset):
        reporter (str | Unset):
        state (str | Unset):
        state_category (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedIssueListItemList | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        project_key=project_key,
        assignee=assignee,
        cursor=cursor,
        due_after=due_after,
        due_before=due_before,
        external_ref=external_ref,
        label=label,
        limit=limit,
        ordering=ordering,
        parent=parent,
        priority=priority,
        q=q,
        reporter=reporter,
        state=state,
        state_category=state_category,
        updated_since=updated_since,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    workspace_slug: str,
    project_key: str,
    *,
    client: AuthenticatedClient,
    assignee: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    label: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: ProjectIssuesListOrdering | Unset = ProjectIssuesListOrdering.CREATED_DESC,
    parent: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reporter: str | Unset = UNSET,
    state: str | Unset = UNSET,
    state_category: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> PaginatedIssueListItemList | ProblemOutput | None:
    """Issues of one project

    Args:
        workspace_slug (str):
        project_key (str):
        assignee (str | Unset):
        cursor (str | Unset):
        due_after (datetime.date | Unset):
        due_before (datetime.date | Unset):
        external_ref (str | Unset):
        label (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (ProjectIssuesListOrdering | Unset):  Default:
            ProjectIssuesListOrdering.CREATED_DESC.
        parent (str | Unset):
        priority (str | Unset):
        q (str | Unset):
        reporter (str | Unset):
        state (str | Unset):
        state_category (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedIssueListItemList | ProblemOutput
    """

    return sync_detailed(
        workspace_slug=workspace_slug,
        project_key=project_key,
        client=client,
        assignee=assignee,
        cursor=cursor,
        due_after=due_after,
        due_before=due_before,
        external_ref=external_ref,
        label=label,
        limit=limit,
        ordering=ordering,
        parent=parent,
        priority=priority,
        q=q,
        reporter=reporter,
        state=state,
        state_category=state_category,
        updated_since=updated_since,
    ).parsed


async def asyncio_detailed(
    workspace_slug: str,
    project_key: str,
    *,
    client: AuthenticatedClient,
    assignee: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    label: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: ProjectIssuesListOrdering | Unset = ProjectIssuesListOrdering.CREATED_DESC,
    parent: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reporter: str | Unset = UNSET,
    state: str | Unset = UNSET,
    state_category: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> Response[PaginatedIssueListItemList | ProblemOutput]:
    """Issues of one project

    Args:
        workspace_slug (str):
        project_key (str):
        assignee (str | Unset):
        cursor (str | Unset):
        due_after (datetime.date | Unset):
        due_before (datetime.date | Unset):
        external_ref (str | Unset):
        label (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (ProjectIssuesListOrdering | Unset):  Default:
            ProjectIssuesListOrdering.CREATED_DESC.
        parent (str | Unset):
        priority (str | Unset):
        q (str | Unset):
        reporter (str | Unset):
        state (str | Unset):
        state_category (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PaginatedIssueListItemList | ProblemOutput]
    """

    kwargs = _get_kwargs(
        workspace_slug=workspace_slug,
        project_key=project_key,
        assignee=assignee,
        cursor=cursor,
        due_after=due_after,
        due_before=due_before,
        external_ref=external_ref,
        label=label,
        limit=limit,
        ordering=ordering,
        parent=parent,
        priority=priority,
        q=q,
        reporter=reporter,
        state=state,
        state_category=state_category,
        updated_since=updated_since,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    workspace_slug: str,
    project_key: str,
    *,
    client: AuthenticatedClient,
    assignee: str | Unset = UNSET,
    cursor: str | Unset = UNSET,
    due_after: datetime.date | Unset = UNSET,
    due_before: datetime.date | Unset = UNSET,
    external_ref: str | Unset = UNSET,
    label: str | Unset = UNSET,
    limit: int | Unset = 50,
    ordering: ProjectIssuesListOrdering | Unset = ProjectIssuesListOrdering.CREATED_DESC,
    parent: str | Unset = UNSET,
    priority: str | Unset = UNSET,
    q: str | Unset = UNSET,
    reporter: str | Unset = UNSET,
    state: str | Unset = UNSET,
    state_category: str | Unset = UNSET,
    updated_since: datetime.datetime | Unset = UNSET,
) -> PaginatedIssueListItemList | ProblemOutput | None:
    """Issues of one project

    Args:
        workspace_slug (str):
        project_key (str):
        assignee (str | Unset):
        cursor (str | Unset):
        due_after (datetime.date | Unset):
        due_before (datetime.date | Unset):
        external_ref (str | Unset):
        label (str | Unset):
        limit (int | Unset):  Default: 50.
        ordering (ProjectIssuesListOrdering | Unset):  Default:
            ProjectIssuesListOrdering.CREATED_DESC.
        parent (str | Unset):
        priority (str | Unset):
        q (str | Unset):
        reporter (str | Unset):
        state (str | Unset):
        state_category (str | Unset):
        updated_since (datetime.datetime | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PaginatedIssueListItemList | ProblemOutput
    """

    return (
        await asyncio_detailed(
            workspace_slug=workspace_slug,
            project_key=project_key,
            client=client,
            assignee=assignee,
            cursor=cursor,
            due_after=due_after,
            due_before=due_before,
            external_ref=external_ref,
            label=label,
            limit=limit,
            ordering=ordering,
            parent=parent,
            priority=priority,
            q=q,
            reporter=reporter,
            state=state,
            state_category=state_category,
            updated_since=updated_since,
        )
    ).parsed
