"""What OpenAPI 3.0 says and drf-spectacular leaves implicit, made explicit (the schema lint,
`make openapi-lint`, holds the schema to it). The last postprocessing hook.

- `nullable` has an effect only beside a `type` (OpenAPI 3.0.3, §4.7.25.1): a nullable reference
  (`allOf: [$ref]` + `nullable: true`) gets the `type: object` of what it refers to, so clients
  and validators really accept the null the server sends.
- An operation that authenticates nobody (sign-up, sign-in, refresh, logout) says so with an
  empty `security` list, rather than by leaving it out.
"""

from typing import Any

_OPERATIONS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}


def _type_nullable_references(node: Any, schemas: dict[str, Any]) -> None:
    if isinstance(node, dict):
        if node.get("nullable") and "type" not in node and "allOf" in node:
            types = {
                schemas.get(part.get("$ref", "").rsplit("/", 1)[-1], {}).get("type", "object")
                for part in node["allOf"]
            }
            if len(types) == 1:
                node["type"] = types.pop()
        for value in node.values():
            _type_nullable_references(value, schemas)
    elif isinstance(node, list):
        for item in node:
            _type_nullable_references(item, schemas)


def make_implicit_explicit(result: dict[str, Any], **_: Any) -> dict[str, Any]:
    schemas = result.get("components", {}).get("schemas", {})
    _type_nullable_references(result, schemas)
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method in _OPERATIONS:
                operation.setdefault("security", [])
    return result
