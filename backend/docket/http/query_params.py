"""Unknown query parameters are refused: a typo (`assignees=me` for `assignee=me`) must not
silently return every issue.

What each operation accepts is what the OpenAPI schema declares for it, generated from the same
code (the filtersets, the paginators, the `@extend_schema` parameters) that `make schema`
publishes, so the check and the documentation cannot drift. The schema is generated once per
process, on the first request that needs it (about a second), and kept.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from rest_framework import views
from rest_framework.request import Request

from docket.core.errors import FieldError, ValidationFailed

_ROUTE_PARAMETER = re.compile(r"<(?:[^>:]+:)?(\w+)>")
_lock = threading.Lock()
_declared: dict[tuple[str, str], frozenset[str]] | None = None


def declared_query_parameters() -> dict[tuple[str, str], frozenset[str]]:
    """(path template, lower-case method) -> the names of the query parameters the schema
    declares for that operation."""
    global _declared
    if _declared is None:
        with _lock:
            if _declared is None:
                # Imported here: the generator walks the URLconf, which imports every view.
                from drf_spectacular.generators import SchemaGenerator

                schema = SchemaGenerator().get_schema(request=None, public=True)
                _declared = {
                    (path, method): frozenset(
                        parameter["name"]
                        for parameter in operation.get("parameters", [])
                        if parameter.get("in") == "query"
                    )
                    for path, item in schema["paths"].items()
                    for method, operation in item.items()
                }
    return _declared


def schema_path(route: str) -> str:
    """The schema's path template of a URL route: `api/v1/workspaces/<slug:workspace_slug>` is
    `/api/v1/workspaces/{workspace_slug}`."""
    return "/" + _ROUTE_PARAMETER.sub(r"{\1}", route)


def unknown_query_parameters(request: Request) -> list[str]:
    match = getattr(request, "resolver_match", None)
    if match is None or not match.route:
        return []
    accepted = declared_query_parameters().get(
        (schema_path(match.route), (request.method or "").lower())
    )
    if accepted is None:  # HEAD, OPTIONS: not operations of the schema
        return []
    return sorted(set(request.query_params) - accepted)


class DeclaredQueryParameters(views.APIView):
    """Refuses, after authentication, a request naming a query parameter its operation does not
    declare: 400 `validation_error`, one `unknown_parameter` error per name."""

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        unknown = unknown_query_parameters(request)
        if unknown:
            names = ", ".join(f"`{name}`" for name in unknown)
            raise ValidationFailed(
                f"Unknown query parameter{'s' if len(unknown) > 1 else ''}: {names}.",
                errors=[
                    FieldError(name, "unknown_parameter", "This operation takes no such parameter.")
                    for name in unknown
                ],
            )
