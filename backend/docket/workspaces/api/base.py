"""The base for every endpoint under /workspaces/{workspace_slug}/.

Access starts here, once: the caller's membership is resolved before any handler runs, so a new
endpoint cannot forget the tenant check. Non-members get the same 404 as a missing workspace.
"""

from typing import Any

import structlog
from rest_framework.generics import GenericAPIView
from rest_framework.request import Request

from docket.workspaces.models import Membership, Workspace
from docket.workspaces.selectors import membership_get


class WorkspaceAPIView(GenericAPIView):
    membership: Membership
    workspace: Workspace
    may_forbid = False  # set on read endpoints that some roles may not use (schema: 403)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.membership = membership_get(
            actor=request.user, workspace_slug=kwargs["workspace_slug"]
        )
        self.workspace = self.membership.workspace
        structlog.contextvars.bind_contextvars(
            workspace=self.workspace.slug, user_id=str(request.user.pk)
        )

    def paginated(self, queryset: Any, serializer_class: type) -> Any:
        page = self.paginate_queryset(queryset)
        return self.get_paginated_response(serializer_class(page, many=True).data)
