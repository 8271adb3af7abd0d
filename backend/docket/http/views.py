"""The view bases: every view of the API derives from one (a test walks the URLconf).

`APIView` and `GenericAPIView` are DRF's, with the edge's Idempotency-Key handling
(docket.http.idempotency). The tenancy bases build on them: every endpoint under
/workspaces/{workspace_slug}/ derives from one.

Access starts here, once: the caller's `Access` is built before any handler runs, so a new
endpoint cannot forget the tenant check, and the project or issue named in the URL is resolved
through the same selectors with the same access. Non-members get the same 404 as a missing
workspace; an invisible project or issue the same 404 as a missing one.
"""

from typing import Any

import structlog
from rest_framework import generics
from rest_framework.request import Request

from docket.core.access import Access, TokenGrant
from docket.core.authentication import EVERY_METHOD
from docket.core.throttling import rate_limit_workspace
from docket.http.idempotency import IdempotencyKeys
from docket.issues.models import Issue
from docket.issues.selectors import issue_get
from docket.projects.access import access_for_workspace
from docket.projects.models import Project
from docket.projects.selectors import project_get
from docket.workspaces.models import Workspace


class APIView(IdempotencyKeys):
    """DRF's APIView, with Idempotency-Key on POST."""


class GenericAPIView(IdempotencyKeys, generics.GenericAPIView):
    """DRF's GenericAPIView, with Idempotency-Key on POST."""


class WorkspaceAPIView(GenericAPIView):
    access: Access
    workspace: Workspace
    may_forbid = False  # set on read endpoints that some roles may not use (schema: 403)
    # A personal access token may call every endpoint of its own workspace (within its scope,
    # see docket.core.authentication.Authenticated); any other workspace is a 404 below.
    token_methods = EVERY_METHOD

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
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

    def paginated(self, queryset: Any, serializer_class: type) -> Any:
        page = self.paginate_queryset(queryset)
        context = self.get_serializer_context()
        return self.get_paginated_response(serializer_class(page, many=True, context=context).data)


class ProjectAPIView(WorkspaceAPIView):
    """Endpoints under /projects/{project_key}/: the project is resolved (and its visibility
    checked) once, before the handler runs."""

    project: Project

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.project = project_get(access=self.access, key=kwargs["project_key"])


class IssueAPIView(WorkspaceAPIView):
    """Endpoints under /issues/{issue_key}/: the issue is resolved once, visibility included."""

    issue: Issue
    # False where the response never includes the issue, or renders it without the instance's
    # relations (the detail GET, in the database)
    shows_issue = True

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        # Writes answer with the issue rendered by the database after the change, so only reads
        # need its relations now.
        self.issue = issue_get(
            access=self.access,
            key=kwargs["issue_key"],
            with_relations=self.shows_issue and request.method == "GET",
        )
