"""The OpenAPI schema is a product: every operation documents its errors and has a real id."""

import inspect
import json
from typing import Any

from drf_spectacular.drainage import warn
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter
from rest_framework import serializers
from rest_framework.permissions import AllowAny

from docket.core.authentication import required_scope
from docket.http.idempotency import IdempotencyKeys
from docket.http.problems import PROBLEM_CONTENT_TYPE
from docket.http.retirement import RETIREMENT_HEADERS, retirement_of


class ProblemFieldErrorOutput(serializers.Serializer):
    field = serializers.CharField(
        allow_null=True, help_text="Dotted path of the input field; null for the whole body."
    )
    code = serializers.CharField(help_text="Stable machine code, e.g. `required`, `invalid`.")
    message = serializers.CharField()


class ProblemOutput(serializers.Serializer):
    """RFC 9457 problem details."""

    type = serializers.CharField(help_text="URI naming the kind of problem.")
    title = serializers.CharField()
    status = serializers.IntegerField()
    code = serializers.CharField(help_text="Stable machine code; branch on this, not on text.")
    detail = serializers.CharField()
    errors = ProblemFieldErrorOutput(many=True)  # type: ignore[assignment]  # a field named errors
    request_id = serializers.CharField(required=False)


_ERROR_DESCRIPTIONS = {
    "400": "Invalid input (`validation_error` lists each field), malformed JSON or bad cursor.",
    "401": "Missing, expired or invalid credentials (a revoked or expired personal access "
    "token: `token_not_valid`).",
    "403": "Authenticated, but the role does not allow this (`insufficient_role`); or a token "
    "without the scope the operation lists in its security requirement (`insufficient_scope`), "
    "or where no token may act (`session_required`).",
    "404": "No such object, or not visible to the caller.",
    "409": "The request conflicts with the current state.",
    "412": "`If-Match` names a stale copy (`precondition_failed`); nothing was written.",
    "413": "The request body is larger than the limit.",
    "429": "Too many requests (`rate_limited`, or `throttled` for sign-in attempts); retry "
    "after `Retry-After` seconds.",
}

# The fields of a 429 (docket.core.ratelimit), defined once in components/headers (by the
# postprocessing hook below) and referenced from every operation.
# `RateLimit` and `RateLimit-Policy` come with every answer the limiter counted; documented
# on the 429, where a client must act on them.
RATE_LIMIT_HEADER_COMPONENTS = {
    "RetryAfter": {
        "schema": {"type": "integer", "minimum": 1},
        "required": True,
        "description": "Seconds to wait before retrying.",
    },
    "RateLimit": {
        "schema": {"type": "string"},
        "description": (
            "IETF RateLimit field: the service limit of each policy the request was counted "
            'against, nearest exhaustion first, e.g. `"user-write";r=0;t=42` (`r` requests '
            "left, `t` seconds until the window ends). Sent on every answer the limiter "
            "counted; absent on 429s of the sign-in throttles."
        ),
    },
    "RateLimitPolicy": {
        "schema": {"type": "string"},
        "description": (
            'IETF RateLimit-Policy field, e.g. `"user-write";q=300;w=60, '
            '"workspace-write";q=1200;w=60` (`q` requests per `w` seconds).'
        ),
    },
}
_RATE_LIMITED_HEADERS = {
    "Retry-After": {"$ref": "#/components/headers/RetryAfter"},
    "RateLimit": {"$ref": "#/components/headers/RateLimit"},
    "RateLimit-Policy": {"$ref": "#/components/headers/RateLimitPolicy"},
}


IDEMPOTENCY_KEY = OpenApiParameter(
    "Idempotency-Key",
    location=OpenApiParameter.HEADER,
    required=False,
    type=str,
    description=(
        "A key of your choice (1 to 255 printable ASCII characters), unique per request you "
        "mean to make once. Retrying with the same key and the same request within 24 hours "
        "returns the first answer again (header `Idempotent-Replayed: true`) instead of "
        "running it twice; the same key with another request is a 422 "
        "`idempotency_key_reused`, and while the first is still running, a 409 "
        "`idempotency_key_in_flight`. Answers with status 5xx or 429 are not kept. A key "
        "belongs to the credential that sent it (a personal access token, or your sessions) "
        "and, under a workspace, to your membership and role: a replay passes every check the "
        "request would pass now and counts against your rate limits. Stored answers are "
        "encrypted with a key derived from yours (docs/integrations.md)."
    ),
)

_IDEMPOTENCY_DESCRIPTIONS = {
    "409": (
        "The request conflicts with the current state, or a request with the same "
        "`Idempotency-Key` is still running (`idempotency_key_in_flight`)."
    ),
    "422": "The `Idempotency-Key` was used for a different request (`idempotency_key_reused`).",
}


class DocketAutoSchema(AutoSchema):
    def takes_idempotency_key(self) -> bool:
        """POSTs of authenticated callers (docket.http.idempotency)."""
        return (
            self.method == "POST"
            and isinstance(self.view, IdempotencyKeys)
            and bool(self.view.get_authenticators())
        )

    def get_override_parameters(self) -> list:
        parameters = list(super().get_override_parameters())
        if self.takes_idempotency_key():
            parameters.append(IDEMPOTENCY_KEY)
        if self.is_deprecated():
            parameters.extend(RETIREMENT_HEADERS)
        return parameters

    def is_deprecated(self) -> bool:
        """Retired operations (docket.http.retirement) are deprecated, and say until when."""
        return retirement_of(self.view, self.method) is not None or super().is_deprecated()

    def get_operation_id(self) -> str:
        warn(f"{self.method} {self.path} has no explicit operation_id in @extend_schema")
        return super().get_operation_id()

    def get_description(self) -> str:  # type: ignore[override]  # drf-spectacular's signature
        # Only a view's own docstring describes its operations; base-class docstrings describe
        # implementation, and `description=` in @extend_schema overrides this anyway.
        own = type(self.view).__dict__.get("__doc__")
        action_doc = getattr(getattr(self.view, self.method.lower(), None), "__doc__", None)
        return inspect.cleandoc(action_doc or own or "")

    def get_auth(self) -> list[dict[str, list[str]]]:
        # No security requirement on operations that authenticate nobody (sign-up, sign-in,
        # refresh, logout): generated clients must not think they need a token first.
        if not self.view.get_authenticators():
            return []
        auths: list[dict[str, list[str]]] = list(super().get_auth())
        scope = required_scope(self.view, self.method)
        if scope is not None:
            # After the session's scheme, before the anonymous `{}` of public operations; the
            # one scope a token needs here (docket.core.scopes).
            auths.insert(1 if auths and auths[0] else 0, {"personalToken": [scope.value]})
        return auths

    def get_tags(self) -> list[str]:
        # docket.<app>.api.views -> "<app>": one tag per domain, whatever the URL shape.
        module = type(self.view).__module__.split(".")
        return [module[1]] if len(module) > 2 and module[0] == "docket" else ["system"]

    def _error_codes(self) -> list[str]:
        codes: list[str] = []
        has_body = self.method in ("POST", "PUT", "PATCH")
        is_list = self.method == "GET" and self._is_list_view()
        if has_body or is_list or getattr(self.view, "documents_bad_request", False):
            codes.append("400")
        requires_auth = not all(
            isinstance(permission, AllowAny) for permission in self.view.get_permissions()
        )
        if requires_auth:
            codes.append("401")
        # A token is refused (403) on every method: without the scope the method needs
        # (`insufficient_scope`), or where no token may act (`session_required`).
        if requires_auth:
            codes.append("403")
        if "{" in self.path or getattr(self.view, "documents_not_found", False):
            codes.append("404")
        # A tuple for every method of the view, or {"POST": (409,)} for some.
        extra = getattr(self.view, "extra_error_codes", ())
        if isinstance(extra, dict):
            extra = extra.get(self.method, ())
        codes.extend(str(code) for code in extra if str(code) not in codes)
        if self.takes_idempotency_key():
            codes.extend(code for code in ("409", "422") if code not in codes)
        if has_body:
            codes.append("413")
        if getattr(self.view, "throttle_classes", None):
            codes.append("429")
        return codes

    def _get_response_bodies(self, direction: Any = "response") -> dict:
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for code in self._error_codes():
            if code in responses:
                continue
            response = self._get_response_for_code(
                ProblemOutput, code, media_types=[PROBLEM_CONTENT_TYPE], direction=direction
            )
            descriptions = (
                {**_ERROR_DESCRIPTIONS, **_IDEMPOTENCY_DESCRIPTIONS}
                if self.takes_idempotency_key()
                else _ERROR_DESCRIPTIONS
            )
            response["description"] = descriptions.get(code, "Error")
            if code == "429":
                response["headers"] = {**response.get("headers", {}), **_RATE_LIMITED_HEADERS}
            responses[code] = response
        return responses


def document_rate_limit_headers(result: dict, generator: Any, request: Any, public: Any) -> dict:
    """drf-spectacular postprocessing hook: the rate-limit header components the 429s name."""
    result.setdefault("components", {}).setdefault("headers", {}).update(
        RATE_LIMIT_HEADER_COMPONENTS
    )
    return result


_SPLIT_SUFFIX = "Request"


def _describe_defaults(schema: dict) -> None:
    """A request field's default is the server's business, said in words: a declared `default`
    makes generators (openapi-typescript with its default flags) type the field as required in
    the request body, so a client could not leave it out."""
    for prop in (schema.get("properties") or {}).values():
        if "default" not in prop:
            continue
        default = prop.pop("default")
        shown = json.dumps(default) if not isinstance(default, str) else default or '""'
        words = f"Defaults to `{shown}`."
        prop["description"] = f"{prop['description']} {words}" if prop.get("description") else words


def name_request_components(result: dict, generator: Any, request: Any, public: Any) -> dict:
    """drf-spectacular postprocessing hook: a request-only component keeps its serializer's name.

    COMPONENT_SPLIT_REQUEST appends `Request` to every request component, so `IssueCreateInput`
    became `IssueCreateInputRequest` in the schema and in every generated client. Where no
    response component has the plain name, the suffix goes; where one does (a serializer used
    both ways), the request side keeps it, so names stay unique. Request fields' defaults move
    into their descriptions (see _describe_defaults)."""
    schemas = result.get("components", {}).get("schemas", {})
    for name, schema in schemas.items():
        if name.endswith(_SPLIT_SUFFIX):
            _describe_defaults(schema)
    renames = {
        name: name.removesuffix(_SPLIT_SUFFIX)
        for name in schemas
        if name.endswith(_SPLIT_SUFFIX) and name.removesuffix(_SPLIT_SUFFIX) not in schemas
    }
    if not renames:
        return result
    # In place: the registry's order stays, and the diff of the schema stays small.
    result["components"]["schemas"] = {
        renames.get(name, name): schema for name, schema in schemas.items()
    }
    refs = {
        f"#/components/schemas/{old}": f"#/components/schemas/{new}" for old, new in renames.items()
    }

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: refs.get(value, value) if key == "$ref" else rewrite(value)
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [rewrite(item) for item in node]
        return node

    return rewrite(result)
