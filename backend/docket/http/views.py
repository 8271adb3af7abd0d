"""The view bases: every view of the API derives from one (a test walks the URLconf).

`APIView` and `GenericAPIView` are DRF's, with the edge's Idempotency-Key handling
(docket.http.idempotency). The tenancy bases build on them: every endpoint under
/workspaces/{workspace_slug}/ derives from one.

Access starts here, once: the caller's `Access` is built before any handler runs, so a new
endpoint cannot forget the tenant check, and the project or issue named in the URL is resolved
through the same selectors with the same access. Non-members get the same 404 as a missing
workspace; an invisible project or issue the same 404 as a missing one.
"""

import contextvars
from typing import Any

import structlog
from django.urls import reverse
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.access import Access, TokenGrant
from docket.core.throttling import rate_limit_workspace
from docket.core.visibility import forget_member_emails, show_member_emails
from docket.http.idempotency import IdempotencyKeys
from docket.http.query_params import DeclaredQueryParameters
from docket.http.retirement import RetiredOperations
from docket.issues.models import Issue
from docket.issues.selectors import issue_get
from docket.projects.access import access_for_workspace
from docket.projects.models import Project
from docket.projects.selectors import project_get
from docket.workspaces.models import Workspace
from docket.workspaces.permissions import can_see_member_emails


class APIView(RetiredOperations, DeclaredQueryParameters, IdempotencyKeys):
    """DRF's APIView, with Idempotency-Key on POST, refusing undeclared query parameters."""


class GenericAPIView(
    RetiredOperations, DeclaredQueryParameters, IdempotencyKeys, generics.GenericAPIView
):
    """DRF's GenericAPIView, with Idempotency-Key on POST, refusing undeclared query
    parameters."""


class WorkspaceAPIView(GenericAPIView):
    access: Access
    workspace: Workspace
    # This request's decision on showing e-mail addresses, undone when its answer is final.
    _emails_token: contextvars.Token[bool] | None = None
    # The scope a token needs per method (docket.core.scopes.scopes_for), declared by each
    # view; none here, so a view that forgets refuses tokens. Any other workspace than the
    # token's is a 404 below.
    token_scopes: dict = {}

    def establish_access(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().establish_access(request, *args, **kwargs)
        grant = request.auth if isinstance(request.auth, TokenGrant) else None
        self.access, self.workspace = access_for_workspace(
            user=request.user,
            workspace_slug=kwargs["workspace_slug"],
            only_workspace_id=grant.workspace_id if grant else None,
        )
        structlog.contextvars.bind_contextvars(
            workspace=self.workspace.slug, user_id=str(request.user.pk)
        )
        # Only now, with membership established: an outsider's 404 costs the workspace nothing.
        rate_limit_workspace(request, self.workspace.pk)
        self._emails_token = show_member_emails(can_see_member_emails(self.access))

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        # The answer is serialized by now; the next request on this thread decides afresh.
        if self._emails_token is not None:
            forget_member_emails(self._emails_token)
            self._emails_token = None
        return super().finalize_response(request, response, *args, **kwargs)

    def idempotency_scope(self, request: Request) -> str:
        # A member removed and invited again has a new membership; a role changed since the
        # first answer must not replay what only the old role could do.
        return (
            f"{super().idempotency_scope(request)}|membership:{self.access.membership_id}"
            f"|role:{self.access.role}"
        )

    def paginated(self, queryset: Any, serializer_class: type) -> Any:
        page = self.paginate_queryset(queryset)
        context = self.get_serializer_context()
        return self.get_paginated_response(serializer_class(page, many=True, context=context).data)


class ProjectAPIView(WorkspaceAPIView):
    """Endpoints under /projects/{project_key}/: the project is resolved (and its visibility
    checked) once, before the handler runs."""

    project: Project

    def establish_access(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().establish_access(request, *args, **kwargs)
        self.project = project_get(access=self.access, key=kwargs["project_key"])


class IssueAPIView(WorkspaceAPIView):
    """Endpoints under /issues/{issue_key}/: the issue is resolved once, visibility included."""

    issue: Issue
    # False where the response never includes the issue, or renders it without the instance's
    # relations (the detail GET, in the database)
    shows_issue = True

    def establish_access(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().establish_access(request, *args, **kwargs)
        # Writes answer with the issue rendered by the database after the change, so only reads
        # need its relations now.
        self.issue = issue_get(
            access=self.access,
            key=kwargs["issue_key"],
            with_relations=self.shows_issue and request.method == "GET",
        )


def created_response(body: Any, url_name: str, **url_kwargs: Any) -> Response:
    """The 201 of a create: the new resource's representation, and its URL in `Location` (the
    path of its own endpoint, named `url_name`). Resources with conditional requests add their
    `ETag` (docket.http.conditional)."""
    return Response(
        body,
        status=status.HTTP_201_CREATED,
        headers={"Location": reverse(url_name, kwargs=url_kwargs)},
    )
