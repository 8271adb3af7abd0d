import uuid

from django.db.models import F
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.errors import NotFound, ValidationFailed
from docket.core.scopes import Scope, scopes_for
from docket.core.serializers import TypeaheadQuery
from docket.http.conditional import LOCATION_HEADER
from docket.http.refs import LabelOutput
from docket.http.views import ProjectAPIView, WorkspaceAPIView, created_response
from docket.projects.api.serializers import (
    LabelCreateInput,
    LabelUpdateInput,
    ProjectCreateInput,
    ProjectMemberAddInput,
    ProjectMemberOutput,
    ProjectOutput,
    ProjectUpdateInput,
    StateCreateInput,
    StateOutput,
    StateReorderInput,
    StateUpdateInput,
)
from docket.projects.models import Label, Project, ProjectMember, State
from docket.projects.selectors import (
    label_get,
    label_list,
    project_list,
    project_member_get,
    project_member_list,
    state_get,
    state_list,
)
from docket.projects.services import (
    label_create,
    label_delete,
    label_update,
    project_create,
    project_delete,
    project_member_add,
    project_member_remove,
    project_set_archived,
    project_update,
    state_create,
    state_delete,
    state_reorder,
    state_update,
)

NO_CONTENT = {204: OpenApiResponse(description="Done; no body.")}


class ProjectListCreateView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.PROJECTS_READ, write=Scope.PROJECTS_ADMIN)
    queryset = Project.objects.none()
    keyset_orderings = {"created": F("created_at"), "key": F("key"), "name": F("name")}
    default_ordering = "key"

    @extend_schema(
        operation_id="projects_list",
        summary="Projects the caller can see",
        parameters=[
            OpenApiParameter(
                "include_archived", OpenApiTypes.BOOL, description="Include archived projects."
            )
        ],
        responses=ProjectOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        raw = request.query_params.get("include_archived", "false").lower()
        if raw not in ("true", "false", "1", "0"):
            raise ValidationFailed.for_field("include_archived", "invalid", "Use true or false.")
        projects = project_list(access=self.access, include_archived=raw in ("true", "1"))
        return self.paginated(projects, ProjectOutput)

    @extend_schema(
        operation_id="projects_create",
        summary="Create a project with the default workflow (members)",
        request=ProjectCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: ProjectOutput},
    )
    def post(self, request: Request, workspace_slug: str) -> Response:
        data = ProjectCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        project = project_create(access=self.access, **data.validated_data)
        return created_response(
            ProjectOutput(project, context=self.get_serializer_context()).data,
            "project",
            workspace_slug=workspace_slug,
            project_key=project.key,
        )


class ProjectDetailView(ProjectAPIView):
    token_scopes = scopes_for(read=Scope.PROJECTS_READ, write=Scope.PROJECTS_ADMIN)

    @extend_schema(operation_id="projects_get", summary="One project", responses=ProjectOutput)
    def get(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        return Response(ProjectOutput(self.project, context=self.get_serializer_context()).data)

    @extend_schema(
        operation_id="projects_update",
        summary="Change a project (admins and the lead)",
        request=ProjectUpdateInput,
        responses=ProjectOutput,
    )
    def patch(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        data = ProjectUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        project = project_update(
            access=self.access,
            project=self.project,
            **data.validated_data,
        )
        return Response(ProjectOutput(project, context=self.get_serializer_context()).data)

    @extend_schema(
        operation_id="projects_delete",
        summary="Delete a project and its issues (admins)",
        responses=NO_CONTENT,
    )
    def delete(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        project_delete(access=self.access, project=self.project)
        return Response(status=status.HTTP_204_NO_CONTENT)


class ProjectArchiveView(ProjectAPIView):
    token_scopes = scopes_for(write=Scope.PROJECTS_ADMIN)

    @extend_schema(
        operation_id="projects_archive",
        summary="Archive a project (admins and the lead); idempotent",
        request=None,
        responses=ProjectOutput,
    )
    def post(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        project = project_set_archived(access=self.access, project=self.project, archived=True)
        return Response(ProjectOutput(project, context=self.get_serializer_context()).data)


class ProjectUnarchiveView(ProjectAPIView):
    token_scopes = scopes_for(write=Scope.PROJECTS_ADMIN)

    @extend_schema(
        operation_id="projects_unarchive",
        summary="Unarchive a project (admins and the lead); idempotent",
        request=None,
        responses=ProjectOutput,
    )
    def post(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        project = project_set_archived(access=self.access, project=self.project, archived=False)
        return Response(ProjectOutput(project, context=self.get_serializer_context()).data)


class ProjectMemberListView(ProjectAPIView):
    token_scopes = scopes_for(read=Scope.MEMBERS_READ, write=Scope.MEMBERS_ADMIN)
    queryset = ProjectMember.objects.none()
    keyset_orderings = {"added": F("created_at")}
    default_ordering = "added"

    @extend_schema(
        operation_id="project_members_list",
        summary="People added to the project",
        responses=ProjectMemberOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        # Keyset pagination needs an `id` column; ProjectMember's is a bigint, which sorts too.
        return self.paginated(
            project_member_list(access=self.access, project=self.project), ProjectMemberOutput
        )

    @extend_schema(
        operation_id="project_members_add",
        summary="Add a workspace member to the project (how guests get access)",
        request=ProjectMemberAddInput,
        parameters=[LOCATION_HEADER],
        responses={201: ProjectMemberOutput},
    )
    def post(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        data = ProjectMemberAddInput(data=request.data)
        data.is_valid(raise_exception=True)
        member = project_member_add(
            access=self.access,
            project=self.project,
            user_id=data.validated_data["user_id"],
        )
        return created_response(
            ProjectMemberOutput(member, context=self.get_serializer_context()).data,
            "project-member",
            workspace_slug=workspace_slug,
            project_key=project_key,
            user_id=data.validated_data["user_id"],
        )


class ProjectMemberDetailView(ProjectAPIView):
    token_scopes = scopes_for(write=Scope.MEMBERS_ADMIN)

    @extend_schema(
        operation_id="project_members_remove",
        summary="Remove someone from the project",
        responses=NO_CONTENT,
    )
    def delete(
        self, request: Request, workspace_slug: str, project_key: str, user_id: str
    ) -> Response:
        member = project_member_get(access=self.access, project=self.project, user_id=user_id)
        project_member_remove(access=self.access, project=self.project, member=member)
        return Response(status=status.HTTP_204_NO_CONTENT)


class StateListCreateView(ProjectAPIView):
    token_scopes = scopes_for(read=Scope.PROJECTS_READ, write=Scope.PROJECTS_ADMIN)
    queryset = State.objects.none()
    keyset_orderings = {"position": F("position")}
    default_ordering = "position"

    @extend_schema(
        operation_id="states_list",
        summary="The project's workflow states, in order",
        responses=StateOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        return self.paginated(state_list(access=self.access, project=self.project), StateOutput)

    @extend_schema(
        operation_id="states_create",
        summary="Add a workflow state at the end",
        request=StateCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: StateOutput},
    )
    def post(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        data = StateCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        state = state_create(
            access=self.access,
            project=self.project,
            **data.validated_data,
        )
        return created_response(
            StateOutput(state).data,
            "state",
            workspace_slug=workspace_slug,
            project_key=project_key,
            state_id=state.pk,
        )


class StateReorderView(ProjectAPIView):
    token_scopes = scopes_for(write=Scope.PROJECTS_ADMIN)
    queryset = State.objects.none()

    @extend_schema(
        operation_id="states_reorder",
        summary="Reorder the workflow states",
        request=StateReorderInput,
        responses=StateOutput(many=True),
    )
    def post(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        data = StateReorderInput(data=request.data)
        data.is_valid(raise_exception=True)
        states = state_reorder(
            access=self.access,
            project=self.project,
            state_ids=data.validated_data["state_ids"],
        )
        return Response(StateOutput(states, many=True).data)


class StateDetailView(ProjectAPIView):
    token_scopes = scopes_for(write=Scope.PROJECTS_ADMIN)
    extra_error_codes = (409,)

    @extend_schema(
        operation_id="states_update",
        summary="Rename, recolor or recategorize a state",
        request=StateUpdateInput,
        responses=StateOutput,
    )
    def patch(
        self, request: Request, workspace_slug: str, project_key: str, state_id: str
    ) -> Response:
        state = state_get(access=self.access, project=self.project, state_id=state_id)
        data = StateUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        state = state_update(access=self.access, state=state, **data.validated_data)
        return Response(StateOutput(state).data)

    @extend_schema(
        operation_id="states_delete",
        summary="Delete a state, moving its issues to `move_to`",
        parameters=[
            OpenApiParameter(
                "move_to",
                OpenApiTypes.UUID,
                description="State that receives the issues; required if the state has any.",
            )
        ],
        responses=NO_CONTENT,
    )
    def delete(
        self, request: Request, workspace_slug: str, project_key: str, state_id: str
    ) -> Response:
        state = state_get(access=self.access, project=self.project, state_id=state_id)
        move_to_id = request.query_params.get("move_to")
        move_to = None
        if move_to_id:
            try:
                move_to = state_get(
                    access=self.access, project=self.project, state_id=str(uuid.UUID(move_to_id))
                )
            except (NotFound, ValueError) as exc:
                raise ValidationFailed.for_field(
                    "move_to", "invalid_state", "Move issues to another state of the project."
                ) from exc
        state_delete(access=self.access, state=state, move_to=move_to)
        return Response(status=status.HTTP_204_NO_CONTENT)


class LabelListCreateView(ProjectAPIView):
    token_scopes = scopes_for(read=Scope.PROJECTS_READ, write=Scope.PROJECTS_ADMIN)
    queryset = Label.objects.none()
    keyset_orderings = {"name": F("name"), "created": F("created_at")}
    default_ordering = "name"

    @extend_schema(
        operation_id="labels_list",
        summary="The project's labels",
        parameters=[TypeaheadQuery],
        responses=LabelOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        search = TypeaheadQuery.parse(request.query_params)
        labels = label_list(access=self.access, project=self.project, search=search)
        return self.paginated(labels, LabelOutput)

    @extend_schema(
        operation_id="labels_create",
        summary="Create a label (members)",
        request=LabelCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: LabelOutput},
    )
    def post(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        data = LabelCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        label = label_create(
            access=self.access,
            project=self.project,
            **data.validated_data,
        )
        return created_response(
            LabelOutput(label).data,
            "label",
            workspace_slug=workspace_slug,
            project_key=project_key,
            label_id=label.pk,
        )


class LabelDetailView(ProjectAPIView):
    token_scopes = scopes_for(write=Scope.PROJECTS_ADMIN)

    @extend_schema(
        operation_id="labels_update",
        summary="Rename or recolor a label (members)",
        request=LabelUpdateInput,
        responses=LabelOutput,
    )
    def patch(
        self, request: Request, workspace_slug: str, project_key: str, label_id: str
    ) -> Response:
        label = label_get(access=self.access, project=self.project, label_id=label_id)
        data = LabelUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        label = label_update(access=self.access, label=label, **data.validated_data)
        return Response(LabelOutput(label).data)

    @extend_schema(
        operation_id="labels_delete", summary="Delete a label (members)", responses=NO_CONTENT
    )
    def delete(
        self, request: Request, workspace_slug: str, project_key: str, label_id: str
    ) -> Response:
        label = label_get(access=self.access, project=self.project, label_id=label_id)
        label_delete(access=self.access, label=label)
        return Response(status=status.HTTP_204_NO_CONTENT)
