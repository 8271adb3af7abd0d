import uuid

from django.db.models import F
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.access import TokenGrant
from docket.core.scopes import Scope, scopes_for
from docket.core.serializers import TypeaheadQuery
from docket.http.auth import signed_in
from docket.http.conditional import LOCATION_HEADER
from docket.http.views import GenericAPIView, WorkspaceAPIView, created_response
from docket.workspaces.api.serializers import (
    InvitationAcceptInput,
    InvitationCreatedOutput,
    InvitationCreateInput,
    InvitationOutput,
    MemberOutput,
    MemberRoleUpdateInput,
    PersonalTokenCreatedOutput,
    PersonalTokenCreateInput,
    PersonalTokenOutput,
    WorkspaceCreateInput,
    WorkspaceOutput,
    WorkspaceUpdateInput,
)
from docket.workspaces.models import Invitation, Membership, PersonalAccessToken, Workspace
from docket.workspaces.selectors import (
    invitation_get,
    invitation_list,
    member_get,
    member_list,
    token_get,
    token_list,
    workspace_list,
)
from docket.workspaces.services import (
    invitation_accept,
    invitation_create,
    invitation_revoke,
    member_change_role,
    member_remove,
    token_create,
    token_revoke,
    workspace_create,
    workspace_delete,
    workspace_update,
)

NO_CONTENT = {204: OpenApiResponse(description="Done; no body.")}


def _workspace_with_role(workspace, role):
    workspace.role = role
    return workspace


class WorkspaceListCreateView(GenericAPIView):
    token_scopes = scopes_for(read=Scope.WORKSPACE_READ)
    queryset = Workspace.objects.none()  # for the schema; reads go through selectors
    keyset_orderings = {"created": F("created_at"), "name": F("name")}
    default_ordering = "name"

    @extend_schema(
        operation_id="workspaces_list",
        summary="Workspaces the caller belongs to",
        responses=WorkspaceOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        grant = request.auth if isinstance(request.auth, TokenGrant) else None
        workspaces = workspace_list(
            actor=signed_in(request), only_workspace_id=grant.workspace_id if grant else None
        )
        page = self.paginate_queryset(workspaces)
        return self.get_paginated_response(
            WorkspaceOutput(page, many=True, context=self.get_serializer_context()).data
        )

    @extend_schema(
        operation_id="workspaces_create",
        summary="Create a workspace (the caller becomes its owner)",
        request=WorkspaceCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: WorkspaceOutput},
    )
    def post(self, request: Request) -> Response:
        data = WorkspaceCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        membership = workspace_create(actor=signed_in(request), **data.validated_data)
        return created_response(
            WorkspaceOutput(
                _workspace_with_role(membership.workspace, membership.role),
                context=self.get_serializer_context(),
            ).data,
            "workspace",
            workspace_slug=membership.workspace.slug,
        )


class WorkspaceDetailView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.WORKSPACE_READ, write=Scope.WORKSPACE_ADMIN)

    @extend_schema(
        operation_id="workspaces_get", summary="One workspace", responses=WorkspaceOutput
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        return Response(
            WorkspaceOutput(
                _workspace_with_role(self.workspace, self.access.role),
                context=self.get_serializer_context(),
            ).data
        )

    @extend_schema(
        operation_id="workspaces_update",
        summary="Rename a workspace or change its slug (admins)",
        request=WorkspaceUpdateInput,
        responses=WorkspaceOutput,
    )
    def patch(self, request: Request, workspace_slug: str) -> Response:
        data = WorkspaceUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        workspace_update(access=self.access, workspace=self.workspace, **data.validated_data)
        return Response(
            WorkspaceOutput(
                _workspace_with_role(self.workspace, self.access.role),
                context=self.get_serializer_context(),
            ).data
        )

    @extend_schema(
        operation_id="workspaces_delete",
        summary="Delete a workspace and everything in it (owners)",
        responses=NO_CONTENT,
    )
    def delete(self, request: Request, workspace_slug: str) -> Response:
        workspace_delete(access=self.access, workspace=self.workspace)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MemberListView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.MEMBERS_READ)
    queryset = Membership.objects.none()
    keyset_orderings = {"joined": F("created_at")}
    default_ordering = "joined"

    @extend_schema(
        operation_id="members_list",
        summary="Members of the workspace",
        parameters=[TypeaheadQuery],
        responses=MemberOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        search = TypeaheadQuery.parse(request.query_params)
        return self.paginated(member_list(access=self.access, search=search), MemberOutput)


class MemberDetailView(WorkspaceAPIView):
    token_scopes = scopes_for(write=Scope.MEMBERS_ADMIN)
    extra_error_codes = (409,)

    @extend_schema(
        operation_id="members_update_role",
        summary="Change a member's role (admins; owners for owners)",
        request=MemberRoleUpdateInput,
        responses=MemberOutput,
    )
    def patch(self, request: Request, workspace_slug: str, user_id: str) -> Response:
        data = MemberRoleUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        target = member_get(access=self.access, user_id=user_id)
        target = member_change_role(
            access=self.access,
            target=target,
            role=data.validated_data["role"],
        )
        return Response(MemberOutput(target, context=self.get_serializer_context()).data)

    @extend_schema(
        operation_id="members_remove",
        summary="Remove a member, or leave the workspace",
        responses=NO_CONTENT,
    )
    def delete(self, request: Request, workspace_slug: str, user_id: str) -> Response:
        target = member_get(access=self.access, user_id=user_id)
        member_remove(access=self.access, target=target)
        return Response(status=status.HTTP_204_NO_CONTENT)


class InvitationListCreateView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.MEMBERS_ADMIN, write=Scope.MEMBERS_ADMIN)
    queryset = Invitation.objects.none()
    keyset_orderings = {"created": F("created_at")}
    default_ordering = "-created"

    @extend_schema(
        operation_id="invitations_list",
        summary="Open invitations (admins)",
        responses=InvitationOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> Response:
        return self.paginated(invitation_list(access=self.access), InvitationOutput)

    @extend_schema(
        operation_id="invitations_create",
        summary="Invite someone by email (admins)",
        request=InvitationCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: InvitationCreatedOutput},
    )
    def post(self, request: Request, workspace_slug: str) -> Response:
        data = InvitationCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        invitation, token = invitation_create(access=self.access, **data.validated_data)
        invitation.token = token  # type: ignore[attr-defined]  # shown once, in this answer
        return created_response(
            InvitationCreatedOutput(invitation).data,
            "invitation",
            workspace_slug=workspace_slug,
            invitation_id=invitation.pk,
        )


class InvitationDetailView(WorkspaceAPIView):
    token_scopes = scopes_for(write=Scope.MEMBERS_ADMIN)

    @extend_schema(
        operation_id="invitations_revoke",
        summary="Revoke an open invitation (admins)",
        responses=NO_CONTENT,
    )
    def delete(self, request: Request, workspace_slug: str, invitation_id: str) -> Response:
        invitation = invitation_get(access=self.access, invitation_id=invitation_id)
        invitation_revoke(access=self.access, invitation=invitation)
        return Response(status=status.HTTP_204_NO_CONTENT)


class InvitationAcceptView(GenericAPIView):
    documents_not_found = True

    @extend_schema(
        operation_id="invitations_accept",
        summary="Accept an invitation sent to the caller's email",
        request=InvitationAcceptInput,
        responses={200: WorkspaceOutput},
    )
    def post(self, request: Request) -> Response:
        data = InvitationAcceptInput(data=request.data)
        data.is_valid(raise_exception=True)
        membership = invitation_accept(actor=signed_in(request), token=data.validated_data["token"])
        return Response(
            WorkspaceOutput(
                _workspace_with_role(membership.workspace, membership.role),
                context=self.get_serializer_context(),
            ).data
        )


class PersonalTokenListCreateView(GenericAPIView):
    """The caller's personal access tokens. A signed-in session only: a token cannot list or
    mint tokens (403 `session_required`)."""

    queryset = PersonalAccessToken.objects.none()
    keyset_orderings = {"created": F("created_at")}
    default_ordering = "-created"
    # 409: the caller has MAX_TOKENS_PER_USER live tokens already (`token_quota_exceeded`).
    extra_error_codes = {"POST": (409,)}

    @extend_schema(
        operation_id="tokens_list",
        summary="The caller's personal access tokens (never their secrets)",
        responses=PersonalTokenOutput(many=True),
    )
    def get(self, request: Request) -> Response:
        page = self.paginate_queryset(token_list(actor=signed_in(request)))
        return self.get_paginated_response(PersonalTokenOutput(page, many=True).data)

    @extend_schema(
        operation_id="tokens_create",
        summary="Create a personal access token for one workspace; the secret is shown once",
        request=PersonalTokenCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: PersonalTokenCreatedOutput},
    )
    def post(self, request: Request) -> Response:
        data = PersonalTokenCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        created = token_create(
            actor=signed_in(request),
            workspace_slug=values["workspace"],
            name=values["name"],
            scopes=values["scopes"],
            expires_at=values["expires_at"],
        )
        created.token.secret = created.secret  # type: ignore[attr-defined]  # shown once
        response = created_response(
            PersonalTokenCreatedOutput(created.token).data, "token", token_id=created.token.pk
        )
        response["Cache-Control"] = "no-store"
        return response


class PersonalTokenDetailView(GenericAPIView):
    @extend_schema(
        operation_id="tokens_revoke",
        summary="Revoke a personal access token (it stops working at once)",
        responses=NO_CONTENT,
    )
    def delete(self, request: Request, token_id: uuid.UUID) -> Response:
        actor = signed_in(request)
        token_revoke(actor=actor, token=token_get(actor=actor, token_id=token_id))
        return Response(status=status.HTTP_204_NO_CONTENT)
