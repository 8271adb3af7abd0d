"""What drf-spectacular leaves implicit, made explicit (the schema lint, `make openapi-lint`,
holds the schema to it). The last postprocessing hook.

- An operation that authenticates nobody (sign-up, sign-in, refresh, logout) says so with an
  empty `security` list, rather than by leaving it out.
"""

from typing import Any

_OPERATIONS = {"get", "put", "post", "patch", "delete", "head", "options", "trace"}


def make_implicit_explicit(result: dict[str, Any], **_: Any) -> dict[str, Any]:
    for path_item in result.get("paths", {}).values():
        for method, operation in path_item.items():
            if method in _OPERATIONS:
                operation.setdefault("security", [])
    return result
