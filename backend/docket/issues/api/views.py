import json
from typing import Any
from uuid import UUID

from django.db.models import F, Value
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.urls import reverse
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from docket.core.errors import NotFound, ValidationFailed
from docket.core.models import Event
from docket.core.pagination import encode_cursor
from docket.core.scopes import Scope, scopes_for
from docket.http.capabilities import issue_capabilities
from docket.http.conditional import (
    ETAG_HEADER,
    IF_MATCH,
    IF_NONE_MATCH,
    LOCATION_HEADER,
    NOT_MODIFIED,
    etag_for,
    if_match_versions,
    not_modified,
)
from docket.http.problems import item_problem, status_of
from docket.http.views import IssueAPIView, ProjectAPIView, WorkspaceAPIView, created_response
from docket.issues.api.filters import IssueFilter, WorkspaceIssueFilter
from docket.issues.api.serializers import (
    DEFAULT_BOARD_CARDS,
    ActivityEventOutput,
    BoardOutput,
    BoardQuery,
    CommentCreateInput,
    CommentOutput,
    CommentUpdateInput,
    IssueBulkCreateInput,
    IssueBulkCreateOutput,
    IssueBulkUpdateInput,
    IssueBulkUpdateOutput,
    IssueCreateInput,
    IssueListItem,
    IssueMoveInput,
    IssueOutput,
    IssueRelationCreateInput,
    IssueRelationOutput,
    IssueStateOutput,
    IssueUpdateInput,
)
from docket.issues.listing import issue_detail_json, issue_items, issues_json
from docket.issues.models import Comment, Issue, IssueRelation
from docket.issues.relations import issue_relate, issue_unrelate
from docket.issues.selectors import (
    board_columns,
    comment_get,
    comment_list,
    issue_activity,
    issue_get,
    issue_list,
    issue_relation_list,
    issues_by_keys,
    relation_ends_redacted,
)
from docket.issues.services import (
    MAX_BULK_ISSUES,
    comment_create,
    comment_delete,
    comment_update,
    issue_assignee_add,
    issue_assignee_remove,
    issue_bulk_create,
    issue_bulk_update,
    issue_create,
    issue_delete,
    issue_label_add,
    issue_label_remove,
    issue_move,
    issue_update,
)
from docket.projects.permissions import ensure_can_contribute

NO_CONTENT = {204: OpenApiResponse(description="Done; no body.")}
FAR_FUTURE = Value("9999-12-31")

ISSUE_ORDERINGS = {
    "created": F("created_at"),
    "updated": F("updated_at"),
    "priority": F("priority"),
    # Issues without a due date sort after every dated one.
    "due_date": Coalesce("due_date", FAR_FUTURE, output_field=Issue._meta.get_field("due_date")),
    "number": F("number"),
    # A board column's order; with `state=<id>` it continues the board's next_cursor.
    "position": F("position"),
}


def issue_page(view: Any, queryset: Any) -> HttpResponse:
    """A page of an issue list, rendered by the database (docket.issues.listing): the page's ids
    by keyset, then their JSON in one statement, then the envelope around it. The body is the
    one `IssueListItem(many=True)` inside the paginator's envelope documents."""
    ids = view.paginator.paginate_keys(queryset, view.request, view=view)
    items = issues_json(ids, capabilities=issue_capabilities(view), using=queryset.db)
    cursor = json.dumps(view.paginator.next_cursor)
    return HttpResponse(
        '{"results":' + items + ',"next_cursor":' + cursor + "}",
        content_type="application/json",
    )


class _ProjectIssues(ProjectAPIView):
    """The issues of the project in the URL that the caller may see, with the list's filters."""

    filter_backends = [DjangoFilterBackend]
    filterset_class = IssueFilter

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Issue.objects.none()
        return issue_list(access=self.access, project=self.project)


class ProjectIssueListCreateView(_ProjectIssues):
    token_scopes = scopes_for(read=Scope.ISSUES_READ, write=Scope.ISSUES_WRITE)
    extra_error_codes = {"POST": (409,)}  # the project is archived
    keyset_orderings = ISSUE_ORDERINGS
    default_ordering = "-created"

    @extend_schema(
        operation_id="project_issues_list",
        summary="Issues of one project",
        responses=IssueListItem(many=True),
    )
    def get(self, request: Request, workspace_slug: str, project_key: str) -> HttpResponse:
        return issue_page(self, self.filter_queryset(self.get_queryset()))

    @extend_schema(
        operation_id="issues_create",
        summary="Create an issue (members)",
        request=IssueCreateInput,
        parameters=[LOCATION_HEADER, ETAG_HEADER],
        responses={201: IssueOutput},
        extensions={"x-idempotent": False},
    )
    def post(self, request: Request, workspace_slug: str, project_key: str) -> HttpResponse:
        data = IssueCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        issue = issue_create(
            access=self.access,
            project=self.project,
            **data.validated_data,
        )
        # The issue as a GET of it renders it, with the same ETag (read on the primary).
        body, etag = _rendered_issue(self, issue, using=Issue.objects.all().db)
        location = reverse(
            "issue", kwargs={"workspace_slug": workspace_slug, "issue_key": issue.key}
        )
        return HttpResponse(
            body,
            status=status.HTTP_201_CREATED,
            content_type="application/json",
            headers={"Location": location, "ETag": etag},
        )


class ProjectBoardView(_ProjectIssues):
    """The board in one request: each column's first cards, then each column pages on its own."""

    token_scopes = scopes_for(read=Scope.ISSUES_READ)

    documents_bad_request = True  # a filter or `limit` out of range

    @extend_schema(
        operation_id="projects_board",
        filters=True,
        summary="The project's board: every column with its first cards",
        parameters=[BoardQuery],
        responses=BoardOutput,
    )
    def get(self, request: Request, workspace_slug: str, project_key: str) -> HttpResponse:
        query = BoardQuery(data=request.query_params)
        query.is_valid(raise_exception=True)
        limit = query.validated_data.get("limit", DEFAULT_BOARD_CARDS)
        issues = self.filter_queryset(self.get_queryset())
        columns = board_columns(project=self.project, issues=issues, limit=limit)
        # The cards are rendered by the database (as the lists are); the envelope is
        # BoardOutput's, written out around them.
        items = issue_items(
            [issue_id for column in columns for issue_id, _ in column.cards],
            capabilities=issue_capabilities(self),
            using=issues.db,
        )
        rendered = []
        for column in columns:
            cards = [items[issue_id] for issue_id, _ in column.cards if issue_id in items]
            cursor = None
            if column.has_more:
                last_id, last_position = column.cards[-1]
                cursor = encode_cursor("position", last_position, last_id)
            rendered.append(
                '{"state":'
                + json.dumps(IssueStateOutput(column.state).data)
                + ',"issues":['
                + ",".join(cards)
                + '],"total":'
                + str(column.total)
                + ',"next_cursor":'
                + json.dumps(cursor)
                + "}"
            )
        return HttpResponse(
            '{"columns":[' + ",".join(rendered) + "]}", content_type="application/json"
        )


class WorkspaceIssueListView(WorkspaceAPIView):
    token_scopes = scopes_for(read=Scope.ISSUES_READ)
    filter_backends = [DjangoFilterBackend]
    filterset_class = WorkspaceIssueFilter
    keyset_orderings = ISSUE_ORDERINGS
    default_ordering = "-created"

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Issue.objects.none()
        return issue_list(access=self.access)

    @extend_schema(
        operation_id="workspace_issues_list",
        summary="Issues across every project the caller can see",
        responses=IssueListItem(many=True),
    )
    def get(self, request: Request, workspace_slug: str) -> HttpResponse:
        return issue_page(self, self.filter_queryset(self.get_queryset()))


def _rendered_issue(view: WorkspaceAPIView, issue: Issue, *, using: str) -> tuple[str, str]:
    """The issue's JSON as the database renders it (docket.issues.listing) and its ETag, both
    from the same row. The capabilities are those of the caller of `view`, so the tag differs
    by role as the text does."""
    rendered = issue_detail_json(issue.pk, capabilities=issue_capabilities(view), using=using)
    if rendered is None:  # deleted since it was looked up
        raise NotFound("Issue not found.", code="issue_not_found")
    version, body = rendered
    return body, etag_for(resource=issue.pk, version=version, body=body)


def issue_response(view: IssueAPIView) -> HttpResponse:
    """The issue after a write, with its ETag: the same text, hence the same tag, as a GET of
    the same state. Read where the router sends this request's reads (the primary, after a
    write)."""
    body, etag = _rendered_issue(view, view.issue, using=Issue.objects.all().db)
    return HttpResponse(body, content_type="application/json", headers={"ETag": etag})


class IssueDetailView(IssueAPIView):
    token_scopes = scopes_for(read=Scope.ISSUES_READ, write=Scope.ISSUES_WRITE)
    # 409: the project is archived; 412: `If-Match` names a stale copy.
    extra_error_codes = {"GET": (409,), "PATCH": (409, 412), "DELETE": (409, 412)}
    # GET renders the issue in the database (docket.issues.listing), so it needs no relations.
    shows_issue = False

    @extend_schema(
        operation_id="issues_get",
        summary="One issue by key",
        parameters=[IF_NONE_MATCH, ETAG_HEADER],
        responses={200: IssueOutput, 304: NOT_MODIFIED},
    )
    def get(self, request: Request, workspace_slug: str, issue_key: str) -> HttpResponse:
        body, etag = _rendered_issue(self, self.issue, using=self.issue._state.db or "default")
        if not_modified(request, etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return HttpResponse(body, content_type="application/json", headers={"ETag": etag})

    @extend_schema(
        operation_id="issues_update",
        summary="Change some fields of an issue (members)",
        description=(
            "A new `state_id` puts the issue at the top of that state's column, as a move without "
            "neighbours does."
        ),
        parameters=[IF_MATCH, ETAG_HEADER],
        request=IssueUpdateInput,
        responses=IssueOutput,
    )
    def patch(self, request: Request, workspace_slug: str, issue_key: str) -> HttpResponse:
        data = IssueUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        issue_update(
            access=self.access,
            issue=self.issue,
            expected_versions=if_match_versions(request, resource=self.issue.pk),
            **data.validated_data,
        )
        return issue_response(self)

    @extend_schema(
        operation_id="issues_delete",
        summary="Delete an issue (members)",
        parameters=[IF_MATCH],
        responses=NO_CONTENT,
    )
    def delete(self, request: Request, workspace_slug: str, issue_key: str) -> Response:
        issue_delete(
            access=self.access,
            issue=self.issue,
            expected_versions=if_match_versions(request, resource=self.issue.pk),
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class IssueMoveView(IssueAPIView):
    token_scopes = scopes_for(write=Scope.ISSUES_WRITE)
    extra_error_codes = (409, 412)

    @extend_schema(
        operation_id="issues_move",
        summary="Move an issue to a state and a place in its board column",
        description=(
            "Give `after_id`, `before_id`, both, or neither (the top of the column, where every "
            "board sees it; a state change by update lands there too). Only the moved issue's "
            "position changes; the column is never renumbered."
        ),
        parameters=[IF_MATCH, ETAG_HEADER],
        request=IssueMoveInput,
        responses=IssueOutput,
    )
    def post(self, request: Request, workspace_slug: str, issue_key: str) -> HttpResponse:
        data = IssueMoveInput(data=request.data)
        data.is_valid(raise_exception=True)
        issue_move(
            access=self.access,
            issue=self.issue,
            expected_versions=if_match_versions(request, resource=self.issue.pk),
            **data.validated_data,
        )
        return issue_response(self)


class IssueBulkUpdateView(WorkspaceAPIView):
    token_scopes = scopes_for(write=Scope.ISSUES_WRITE)

    @extend_schema(
        operation_id="issues_bulk_update",
        summary="Apply the same changes to up to 100 issues",
        description=(
            "Each issue is updated in its own transaction. The response has one result per key, "
            "in request order: `ok` with the updated issue, or the error that refused it. "
            "`label_ids` and `assignee_ids` replace each issue's labels and assignees; "
            "`add_label_ids`, `remove_label_ids`, `add_assignee_ids` and `remove_assignee_ids` "
            "change only the ids they name and keep the rest."
        ),
        request=IssueBulkUpdateInput,
        responses=IssueBulkUpdateOutput,
    )
    def post(self, request: Request, workspace_slug: str) -> Response:
        data = IssueBulkUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        keys = list(dict.fromkeys(data.validated_data["keys"]))
        results = issue_bulk_update(
            access=self.access,
            issues_by_key=issues_by_keys(access=self.access, keys=keys),
            changes=data.validated_data["changes"],
        )
        updated_keys = [result.key for result in results if result.error is None]
        fresh = (
            {
                issue.key: issue
                for issue in issue_list(access=self.access).filter(
                    pk__in=[result.issue.pk for result in results if result.issue is not None]
                )
            }
            if updated_keys
            else {}
        )
        items = [
            {
                "key": result.key,
                "ok": result.error is None,
                "issue": fresh.get(result.key),
                "error": None
                if result.error is None
                else {
                    "code": result.error.code,
                    "detail": result.error.message,
                    "status": status_of(result.error)[0],
                },
            }
            for result in results
        ]
        return Response(
            IssueBulkUpdateOutput({"results": items}, context=self.get_serializer_context()).data
        )


class IssueBulkCreateView(ProjectAPIView):
    token_scopes = scopes_for(write=Scope.ISSUES_WRITE)
    # 409: the project is archived (the whole request is refused).
    extra_error_codes = (409,)

    @extend_schema(
        operation_id="issues_bulk_create",
        summary=f"Create up to {MAX_BULK_ISSUES} issues in one project (members)",
        description=(
            "Each item has the fields of a single create and is checked on its own: the valid "
            "items are created (in one transaction, numbered in request order) even if others "
            "are refused. The response has one result per item, in request order: `status` "
            "201 with the created `issue`, or the item's status with its `error` (a problem "
            "object). A body that is not a list of 1 to 100 items, a caller who may not create "
            "issues, or an archived project refuses the whole request."
        ),
        request=IssueBulkCreateInput,
        responses={200: IssueBulkCreateOutput},
        extensions={"x-idempotent": False},
    )
    def post(self, request: Request, workspace_slug: str, project_key: str) -> Response:
        data = IssueBulkCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        items = [IssueCreateInput(data=item) for item in data.validated_data["issues"]]
        valid = [item.validated_data for item in items if item.is_valid()]
        outcomes = issue_bulk_create(access=self.access, project=self.project, items=valid)
        fresh = {
            issue.pk: issue
            for issue in issue_list(access=self.access, project=self.project).filter(
                pk__in=[outcome.issue.pk for outcome in outcomes if outcome.issue is not None]
            )
        }
        remaining = iter(outcomes)
        results: list[dict[str, Any]] = []
        for index, item in enumerate(items):
            issue = None
            if item.errors:
                problem: dict[str, Any] | None = item_problem(ValidationError(item.errors))
            else:
                outcome = next(remaining)
                problem = None if outcome.error is None else item_problem(outcome.error)
                issue = None if outcome.issue is None else fresh[outcome.issue.pk]
            status_code = status.HTTP_201_CREATED if problem is None else problem["status"]
            results.append(
                {"index": index, "status": status_code, "issue": issue, "error": problem}
            )
        return Response(
            IssueBulkCreateOutput({"results": results}, context=self.get_serializer_context()).data
        )


class _IssueLinkView(IssueAPIView):
    """PUT adds one label or assignee, DELETE takes it away; both answer the issue."""

    # 409: the project is archived; 412: `If-Match` names a stale copy.
    extra_error_codes = (409, 412)


class IssueLabelView(_IssueLinkView):
    token_scopes = scopes_for(write=Scope.ISSUES_WRITE)

    @extend_schema(
        operation_id="issues_labels_add",
        summary="Put one label on an issue, keeping the others (members)",
        description=(
            "Idempotent: if the label is already there, nothing changes (no event, same "
            "version). The label must be one of the issue's project (else 404)."
        ),
        parameters=[IF_MATCH, ETAG_HEADER],
        request=None,
        responses=IssueOutput,
    )
    def put(
        self, request: Request, workspace_slug: str, issue_key: str, label_id: UUID
    ) -> HttpResponse:
        issue_label_add(
            access=self.access,
            issue=self.issue,
            label_id=label_id,
            expected_versions=if_match_versions(request, resource=self.issue.pk),
        )
        return issue_response(self)

    @extend_schema(
        operation_id="issues_labels_remove",
        summary="Take one label off an issue, keeping the others (members)",
        description=(
            "Idempotent: a label that is not on the issue answers 200 with the issue "
            "unchanged. The label must be one of the issue's project (else 404)."
        ),
        parameters=[IF_MATCH, ETAG_HEADER],
        responses={200: IssueOutput},
    )
    def delete(
        self, request: Request, workspace_slug: str, issue_key: str, label_id: UUID
    ) -> HttpResponse:
        issue_label_remove(
            access=self.access,
            issue=self.issue,
            label_id=label_id,
            expected_versions=if_match_versions(request, resource=self.issue.pk),
        )
        return issue_response(self)


class IssueAssigneeView(_IssueLinkView):
    token_scopes = scopes_for(write=Scope.ISSUES_WRITE)

    @extend_schema(
        operation_id="issues_assignees_add",
        summary="Assign one more person to an issue, keeping the others (members)",
        description=(
            "Idempotent: someone already assigned changes nothing (no event, same version). "
            "They must be a workspace member who can see the project (else 404)."
        ),
        parameters=[IF_MATCH, ETAG_HEADER],
        request=None,
        responses=IssueOutput,
    )
    def put(
        self, request: Request, workspace_slug: str, issue_key: str, user_id: UUID
    ) -> HttpResponse:
        issue_assignee_add(
            access=self.access,
            issue=self.issue,
            user_id=user_id,
            expected_versions=if_match_versions(request, resource=self.issue.pk),
        )
        return issue_response(self)

    @extend_schema(
        operation_id="issues_assignees_remove",
        summary="Unassign one person from an issue, keeping the others (members)",
        description=(
            "Idempotent: someone not assigned answers 200 with the issue unchanged. A user "
            "who is neither assigned nor assignable is a 404."
        ),
        parameters=[IF_MATCH, ETAG_HEADER],
        responses={200: IssueOutput},
    )
    def delete(
        self, request: Request, workspace_slug: str, issue_key: str, user_id: UUID
    ) -> HttpResponse:
        issue_assignee_remove(
            access=self.access,
            issue=self.issue,
            user_id=user_id,
            expected_versions=if_match_versions(request, resource=self.issue.pk),
        )
        return issue_response(self)


class IssueRelationListCreateView(IssueAPIView):
    token_scopes = scopes_for(read=Scope.ISSUES_READ, write=Scope.ISSUES_WRITE)
    queryset = IssueRelation.objects.none()
    shows_issue = False
    keyset_orderings = {"created": F("id")}
    default_ordering = "created"
    # 409: a project is archived, or the two are already related another way.
    extra_error_codes = {"POST": (409,)}

    @extend_schema(
        operation_id="issues_relations_list",
        summary="The issue's relations to other issues (blocks, duplicates, ...)",
        description=(
            "Each relation as seen from this issue. Relations to issues of projects the caller "
            "cannot see are left out."
        ),
        responses=IssueRelationOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str, issue_key: str) -> Response:
        return self.paginated(
            issue_relation_list(access=self.access, issue=self.issue), IssueRelationOutput
        )

    @extend_schema(
        operation_id="issues_relations_create",
        summary="Relate the issue to another one (members)",
        description=(
            "The other issue gets the inverse relation (`blocks` here is `blocked_by` there). "
            "Idempotent: the same relation again answers 200 and changes nothing; two issues "
            "already related another way answer 409 `already_related` (remove it first). An "
            "`issue_key` that names no issue the caller can see, or this issue itself, is a "
            "400."
        ),
        request=IssueRelationCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: IssueRelationOutput, 200: IssueRelationOutput},
    )
    def post(self, request: Request, workspace_slug: str, issue_key: str) -> Response:
        # The role first: a guest is refused as such, whatever issue the body names.
        ensure_can_contribute(self.access, action="relate issues")
        data = IssueRelationCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        other_key = data.validated_data["issue_key"]
        other = issues_by_keys(access=self.access, keys=[other_key])[other_key]
        if other is None:
            raise ValidationFailed.for_field(
                "issue_key", "invalid_issue", "No such issue in this workspace."
            )
        created = issue_relate(
            access=self.access, issue=self.issue, other=other, kind=data.validated_data["type"]
        )
        relation = issue_relation_list(access=self.access, issue=self.issue).get(to_issue=other)
        if not created:  # it was there already: nothing was created
            return Response(IssueRelationOutput(relation).data)
        return created_response(
            IssueRelationOutput(relation).data,
            "issue-relation",
            workspace_slug=workspace_slug,
            issue_key=issue_key,
            other_key=other.key,
        )


class IssueRelationDetailView(IssueAPIView):
    token_scopes = scopes_for(write=Scope.ISSUES_WRITE)
    shows_issue = False
    extra_error_codes = (409,)  # a project is archived

    @extend_schema(
        operation_id="issues_relations_delete",
        summary="Remove the relation between the issue and another one (members)",
        description="Both directions go. Idempotent: issues that are not related answer 204.",
        responses=NO_CONTENT,
    )
    def delete(
        self, request: Request, workspace_slug: str, issue_key: str, other_key: str
    ) -> Response:
        ensure_can_contribute(self.access, action="relate issues")
        other = issue_get(access=self.access, key=other_key, with_relations=False)
        issue_unrelate(access=self.access, issue=self.issue, other=other)
        return Response(status=status.HTTP_204_NO_CONTENT)


class IssueActivityView(IssueAPIView):
    token_scopes = scopes_for(read=Scope.ISSUES_READ)
    queryset = Event.objects.none()
    shows_issue = False
    keyset_orderings = {"created": F("id")}
    default_ordering = "created"

    @extend_schema(
        operation_id="issues_activity",
        summary="The issue's history, oldest first",
        responses=ActivityEventOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str, issue_key: str) -> Response:
        page = self.paginate_queryset(issue_activity(access=self.access, issue=self.issue)) or []
        shown = relation_ends_redacted(access=self.access, events=page)
        return self.get_paginated_response(ActivityEventOutput(shown, many=True).data)


class CommentListCreateView(IssueAPIView):
    token_scopes = scopes_for(read=Scope.ISSUES_READ, write=Scope.COMMENTS_WRITE)
    queryset = Comment.objects.none()
    shows_issue = False
    keyset_orderings = {"created": F("created_at")}
    default_ordering = "created"

    @extend_schema(
        operation_id="comments_list",
        summary="Comments on an issue, oldest first",
        responses=CommentOutput(many=True),
    )
    def get(self, request: Request, workspace_slug: str, issue_key: str) -> Response:
        return self.paginated(comment_list(access=self.access, issue=self.issue), CommentOutput)

    @extend_schema(
        operation_id="comments_create",
        summary="Comment on an issue (anyone who can see it)",
        request=CommentCreateInput,
        parameters=[LOCATION_HEADER],
        responses={201: CommentOutput},
    )
    def post(self, request: Request, workspace_slug: str, issue_key: str) -> Response:
        data = CommentCreateInput(data=request.data)
        data.is_valid(raise_exception=True)
        comment = comment_create(
            access=self.access,
            issue=self.issue,
            body=data.validated_data["body"],
        )
        return created_response(
            CommentOutput(comment, context=self.get_serializer_context()).data,
            "comment",
            workspace_slug=workspace_slug,
            issue_key=issue_key,
            comment_id=comment.pk,
        )


class CommentDetailView(IssueAPIView):
    token_scopes = scopes_for(write=Scope.COMMENTS_WRITE)
    shows_issue = False

    @extend_schema(
        operation_id="comments_update",
        summary="Edit one's own comment",
        request=CommentUpdateInput,
        responses=CommentOutput,
    )
    def patch(
        self, request: Request, workspace_slug: str, issue_key: str, comment_id: str
    ) -> Response:
        comment = comment_get(access=self.access, issue=self.issue, comment_id=comment_id)
        data = CommentUpdateInput(data=request.data)
        data.is_valid(raise_exception=True)
        comment = comment_update(
            access=self.access,
            comment=comment,
            body=data.validated_data["body"],
        )
        return Response(CommentOutput(comment, context=self.get_serializer_context()).data)

    @extend_schema(
        operation_id="comments_delete",
        summary="Delete a comment (its author, or an admin)",
        responses=NO_CONTENT,
    )
    def delete(
        self, request: Request, workspace_slug: str, issue_key: str, comment_id: str
    ) -> Response:
        comment = comment_get(access=self.access, issue=self.issue, comment_id=comment_id)
        comment_delete(access=self.access, comment=comment)
        return Response(status=status.HTTP_204_NO_CONTENT)
