"""The schema documents the statuses the server really returns, under the names clients see."""

import pytest
from drf_spectacular.generators import SchemaGenerator


@pytest.fixture(scope="module")
def operations() -> dict[str, dict]:
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        operation["operationId"]: operation
        for path in schema["paths"].values()
        for operation in path.values()
    }


@pytest.mark.parametrize(
    ("operation", "status"),
    [
        ("auth_token_obtain", "401"),
        ("auth_token_refresh", "401"),
        ("auth_logout", "401"),
        ("issues_create", "409"),
        ("issues_update", "409"),
        ("issues_move", "409"),
        ("issues_delete", "409"),
        ("issues_bulk_create", "409"),
        ("issues_labels_add", "412"),
        ("issues_labels_remove", "412"),
        ("issues_assignees_add", "409"),
        ("issues_assignees_remove", "404"),
        ("me_password_change", "429"),
        ("notifications_mark_read", "404"),
    ],
)
def test_a_status_the_server_returns_is_documented(operations, operation, status):
    responses = operations[operation]["responses"]
    assert status in responses, sorted(responses)
    content = responses[status]["content"]
    assert "application/problem+json" in content


def test_an_operation_whose_query_can_be_refused_documents_the_400(operations):
    """A query parameter with a range, a pattern or a closed set of values answers 400 when
    the value is outside it; a client generated from the schema must expect that answer."""
    constrained = {
        name
        for name, operation in operations.items()
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query"
        and {"minimum", "maximum", "enum", "pattern", "maxLength"} & set(parameter["schema"])
    }
    assert {"projects_insights", "workspaces_insights", "project_issues_list"} <= constrained
    undocumented = [name for name in constrained if "400" not in operations[name]["responses"]]
    assert sorted(undocumented) == []


def test_a_list_does_not_claim_a_conflict(operations):
    assert "409" not in operations["project_issues_list"]["responses"]


ANONYMOUS = {"auth_register", "auth_token_obtain", "auth_token_refresh", "auth_logout"}


def test_only_operations_that_authenticate_someone_ask_for_a_token(operations):
    """Generated clients read `security`: sign-in must not look as if it needed a token."""
    asking = {name for name, operation in operations.items() if operation.get("security")}
    assert set(operations) >= ANONYMOUS
    unauthenticated = set(operations) - asking
    assert unauthenticated == ANONYMOUS


def test_every_enum_value_has_a_name_for_generated_clients():
    schema = SchemaGenerator().get_schema(request=None, public=True)
    ordering = next(
        parameter["schema"]
        for parameter in schema["paths"]["/api/v1/workspaces/{workspace_slug}/issues"]["get"][
            "parameters"
        ]
        if parameter["name"] == "ordering"
    )
    names = dict(zip(ordering["enum"], ordering["x-enum-varnames"], strict=True))
    assert names["-due_date"] == "DUE_DATE_DESC"
    assert names["created"] == "CREATED"
    unnamed = []

    def walk(node, where):
        if isinstance(node, dict):
            if isinstance(node.get("enum"), list) and "x-enum-varnames" not in node:
                unnamed.append(where)
            for key, child in node.items():
                walk(child, f"{where}/{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, f"{where}[{index}]")

    walk(schema, "")
    assert unnamed == []


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_request_components_keep_their_serializers_names(schema):
    names = set(schema["components"]["schemas"])
    body = schema["paths"]["/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues"]
    ref = body["post"]["requestBody"]["content"]["application/json"]["schema"]["$ref"]

    assert ref == "#/components/schemas/IssueCreateInput"
    assert {"IssueCreateInput", "PatchedIssueUpdateInput", "LogoutInput"} <= names
    assert not [name for name in names if name.endswith("InputRequest")]


def test_request_fields_describe_their_defaults_instead_of_declaring_them(schema):
    role = schema["components"]["schemas"]["InvitationCreateInput"]["properties"]["role"]

    assert "default" not in role
    assert "Defaults to `member`." in role["description"]
