"""The schema's `ErrorCode` enum lists every problem code the API answers."""

import pytest
import yaml
from django.conf import settings

from docket.http.error_codes import error_codes

ACME = "/api/v1/workspaces/acme"


def _schema() -> dict:
    return yaml.safe_load((settings.REPO_DIR / "openapi" / "v1.yaml").read_text())


@pytest.mark.django_db
def test_refusals_of_every_kind_carry_a_published_code(world, as_user, api):
    published = set(_schema()["components"]["schemas"]["ErrorCode"]["enum"])
    member = as_user(world.member)
    etag = member.get(f"{ACME}/issues/ENG-1")["ETag"]
    member.patch(f"{ACME}/issues/ENG-1", {"title": "Moved on"}, format="json")
    bad_token = as_user(None)
    bad_token.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    answers = {
        "not_authenticated": api.get(f"{ACME}/issues"),
        "token_not_valid": bad_token.get(f"{ACME}/issues"),
        "workspace_not_found": member.get("/api/v1/workspaces/nope/issues"),
        "issue_not_found": member.get(f"{ACME}/issues/ENG-999"),
        "method_not_allowed": member.put(f"{ACME}/issues/ENG-1", {}, format="json"),
        "unsupported_media_type": member.post(
            f"{ACME}/projects/ENG/issues", "x", content_type="text/plain"
        ),
        "malformed_json": member.post(
            f"{ACME}/projects/ENG/issues", "{", content_type="application/json"
        ),
        "validation_error": member.get(f"{ACME}/issues?assignees=me"),
        "precondition_failed": member.patch(
            f"{ACME}/issues/ENG-1", {"title": "Stale"}, format="json", HTTP_IF_MATCH=etag
        ),
        "not_found": member.get("/api/v1/no-such-endpoint"),
    }
    answered = {code: response.json()["code"] for code, response in answers.items()}
    assert answered == {code: code for code in answers}
    assert set(answered) <= published


def test_the_enum_is_what_the_code_raises_and_the_problem_code_is_typed_with_it():
    schema = _schema()
    assert schema["components"]["schemas"]["ErrorCode"]["enum"] == list(error_codes())
    code = schema["components"]["schemas"]["ProblemOutput"]["properties"]["code"]
    assert {"$ref": "#/components/schemas/ErrorCode"} in code["anyOf"]
    # Every problem response shows an example with a code of the list
    issue_get = schema["paths"]["/api/v1/workspaces/{workspace_slug}/issues/{issue_key}"]["get"]
    example = issue_get["responses"]["404"]["content"]["application/problem+json"]["examples"]
    assert example == {"not_found": {"$ref": "#/components/examples/Problem404"}}
    assert schema["components"]["examples"]["Problem404"]["value"]["code"] == "not_found"
