"""Every problem `code` the API can answer, found in the code that raises them, published in the
schema as the `ErrorCode` enum (a drf-spectacular postprocessing hook), so the list cannot drift
from what is raised.

A code comes from one of: a domain error class's `code` (docket.core.errors and subclasses), an
exception class's DRF `default_code` (ours, DRF's, simplejwt's), a literal `code="..."` passed
to one of those classes or to the edge's problem builders (found by reading the source of our
package and of simplejwt, which raises its own codes), and the edge's fixed answers (Django's
status pages, dependency outages). A test checks that errors provoked through the API carry a
code of the list.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import rest_framework_simplejwt
from rest_framework.exceptions import APIException, ValidationError

import docket
from docket.core.errors import ApplicationError
from docket.http import problems

ERROR_CODE_COMPONENT = "ErrorCode"
# Functions of the edge that take the problem's code as `code=`.
_PROBLEM_BUILDERS = {"problem_body", "django_problem", "problem_json", "problem_json_response"}


def _subclasses(cls: type[Any]) -> Iterator[type[Any]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _sources(package: Any) -> Iterator[Path]:
    for path in Path(package.__file__).parent.rglob("*.py"):
        if not {"tests", "migrations"} & set(path.parts):
            yield path


def _literal_codes(path: Path, callers: set[str]) -> Iterator[str]:
    """`code="..."` in calls of `callers`, and `code = "..."` / `default_code = "..."` in
    class bodies."""
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            if name in callers:
                for keyword in node.keywords:
                    if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                        yield str(keyword.value.value)
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and isinstance(statement.value, ast.Constant)
                    and isinstance(statement.value.value, str)
                    and any(
                        isinstance(t, ast.Name) and t.id in {"code", "default_code"}
                        for t in statement.targets
                    )
                    and node.name in callers
                ):
                    yield statement.value.value


@functools.cache
def error_codes() -> tuple[str, ...]:
    """Every problem code, sorted."""
    exceptions: list[type[ApplicationError]] = [ApplicationError, *_subclasses(ApplicationError)]
    # A DRF ValidationError's codes are its fields' (`errors[].code`); the problem's is
    # `validation_error`.
    every_drf_exception: list[type[APIException]] = [APIException, *_subclasses(APIException)]
    drf_exceptions = [kind for kind in every_drf_exception if not issubclass(kind, ValidationError)]
    codes = {kind.code for kind in exceptions}
    codes |= {str(kind.default_code) for kind in drf_exceptions}
    callers = {kind.__name__ for kind in (*exceptions, *drf_exceptions)} | _PROBLEM_BUILDERS
    for package in (docket, rest_framework_simplejwt):
        for path in _sources(package):
            codes.update(_literal_codes(path, callers))
    codes |= {code for code, _title, _detail in problems.STATUS_PROBLEMS.values()}
    codes |= {code for code, _detail in problems.OUTAGES.values()}
    codes.add(problems.FALLBACK_CODE)
    return tuple(sorted(codes))


# One example per status of the problems the schema documents: the code a client meets most.
_EXAMPLES = {
    "400": ("validation_error", "Invalid input", "title: This field is required."),
    "401": ("not_authenticated", "Authentication required", "Sign in first."),
    "403": ("permission_denied", "Permission denied", "Your role does not allow this."),
    "404": ("not_found", "Not found", "Not found."),
    "409": ("conflict", "Conflict", "The request conflicts with the current state."),
    "412": ("precondition_failed", "Precondition failed", "The issue changed since you read it."),
    "413": ("request_too_large", "Request too large", "The request body is too large."),
    "422": ("idempotency_key_reused", "Unprocessable", "The key was used for another request."),
    "429": ("rate_limited", "Too many requests", "Rate limit `user-write` exhausted."),
}


def _example_name(status: str) -> str:
    return f"Problem{status}"


def document_error_codes(result: dict[str, Any], **_: Any) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: the `ErrorCode` enum, `code` of ProblemOutput typed
    with it (open: a code added later still parses as a string in older clients), and an
    example on every problem response."""
    codes = error_codes()
    components = result.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    schemas[ERROR_CODE_COMPONENT] = {
        "type": "string",
        "enum": list(codes),
        "description": (
            "Every `code` a problem answer can carry. Branch on these; a client should treat a "
            "code it does not know by the answer's status."
        ),
    }
    problem = schemas.get("ProblemOutput", {}).get("properties", {})
    if "code" in problem:
        problem["code"] = {
            "description": problem["code"].get("description", ""),
            "anyOf": [{"$ref": f"#/components/schemas/{ERROR_CODE_COMPONENT}"}, {"type": "string"}],
        }
    examples = components.setdefault("examples", {})
    for status, (code, title, detail) in _EXAMPLES.items():
        if code not in codes:
            raise ValueError(f"the {status} example names `{code}`, which nothing raises")
        examples[_example_name(status)] = {
            "summary": code,
            "value": {
                "type": problems.problem_type(code),
                "title": title,
                "status": int(status),
                "code": code,
                "detail": detail,
                "errors": [],
                "request_id": "5f0c2d8e9b7a4c1d",
            },
        }
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            for status, response in operation.get("responses", {}).items():
                media = response.get("content", {}).get(problems.PROBLEM_CONTENT_TYPE)
                if media is not None and status in _EXAMPLES:
                    media["examples"] = {
                        _EXAMPLES[status][0]: {
                            "$ref": f"#/components/examples/{_example_name(status)}"
                        }
                    }
    return result
