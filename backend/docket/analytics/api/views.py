from dataclasses import asdict

from drf_spectacular.utils import extend_schema
from rest_framework.request import Request
from rest_framework.response import Response

from docket.analytics.api.serializers import DEFAULT_DAYS, InsightsOutput, InsightsQuery
from docket.analytics.selectors import project_insights
from docket.core.scopes import Scope, scopes_for
from docket.http.views import ProjectAPIView, WorkspaceAPIView
from docket.projects.selectors import visible_projects

_DESCRIPTION = (
    "Computed from the analytics database, which the relay feeds from the event log a moment "
    "after each change (so a change made just now may not count yet). Deleted issues count "
    "nowhere."
)


def _days(request: Request) -> int:
    query = InsightsQuery(data=request.query_params)
    query.is_valid(raise_exception=True)
    return query.validated_data.get("days", DEFAULT_DAYS)


class ProjectInsightsView(ProjectAPIView):
    token_scopes = scopes_for(read=Scope.ISSUES_READ)
    documents_bad_request = True  # `days` out of range

    @extend_schema(
        operation_id="projects_insights",
        summary="Flow figures of a project: cycle and lead time, throughput, cumulative flow",
        description=_DESCRIPTION,
        parameters=[InsightsQuery],
        responses=InsightsOutput,
    )
    def get(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        insights = project_insights(project_ids=[self.project.pk], days=_days(request))
        return Response(InsightsOutput(asdict(insights)).data)


class WorkspaceInsightsView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.ISSUES_READ)
    documents_bad_request = True  # `days` out of range

    @extend_schema(
        operation_id="workspaces_insights",
        summary="Flow figures of every project the caller can see, together",
        description=_DESCRIPTION,
        parameters=[InsightsQuery],
        responses=InsightsOutput,
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        days = _days(request)
        project_ids = list(visible_projects(access=self.access).values_list("pk", flat=True))
        return Response(
            InsightsOutput(asdict(project_insights(project_ids=project_ids, days=days))).data
        )
