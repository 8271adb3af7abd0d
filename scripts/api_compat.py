"""Breaking changes of the HTTP API between two OpenAPI schemas (make api-compat).

A client built against the old schema must keep working against the new one. So, per
operation (path + method) of the old schema:
- the operation still exists (a retired one is marked `deprecated` first, and answers
  Deprecation and Sunset headers until it goes);
- each parameter still exists, and none becomes required; no new required parameter;
- the request body accepts what it accepted: no property removed, none newly required, no enum
  value dropped, no type changed;
- each 2xx answer still carries what it carried: no property removed or made optional, no
  type changed, no enum value dropped.
Additions (operations, optional parameters and fields, enum values of requests) are fine.

A change made on purpose (and announced) is accepted by naming it, with its reason, in
openapi/compat-accepted.yaml ({"<the line printed>": "<why>"}); accepted changes are printed,
and an entry that no longer matches anything fails, so the file does not outlive them.

Usage: python scripts/api_compat.py OLD.yaml NEW.yaml [ACCEPTED.yaml]; prints each breaking
change, exits 1 if any is not accepted.
"""

from __future__ import annotations

import sys
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import yaml

METHODS = ("get", "put", "post", "patch", "delete")


class Schemas:
    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, node: Any) -> dict[str, Any]:
        """`node` with `$ref`s and single-element `allOf`s followed."""
        seen = 0
        while isinstance(node, dict) and seen < 50:
            seen += 1
            if "$ref" in node:
                target: Any = self.document
                for part in node["$ref"].removeprefix("#/").split("/"):
                    target = target[part.replace("~1", "/").replace("~0", "~")]
                node = target
            elif "allOf" in node and len(node["allOf"]) == 1 and "properties" not in node:
                node = {**node["allOf"][0], **{k: v for k, v in node.items() if k != "allOf"}}
            else:
                return node
        return node if isinstance(node, dict) else {}


def _json_schema(operation_part: dict[str, Any] | None) -> Any:
    content = (operation_part or {}).get("content", {})
    media = content.get("application/json") or next(iter(content.values()), None)
    return (media or {}).get("schema")


def compare_schemas(
    old: Any, new: Any, *, where: str, reading: bool, a: Schemas, b: Schemas, depth: int = 0
) -> list[str]:
    """Breaking differences from `old` to `new`. `reading`: the client reads it (an answer);
    otherwise the client writes it (a request body)."""
    if depth > 12 or old is None:
        return []
    if new is None:
        return [f"{where}: no longer documented"]
    old, new = a.resolve(old), b.resolve(new)
    problems: list[str] = []
    alternatives = new.get("oneOf") or new.get("anyOf")
    if alternatives and not (old.get("oneOf") or old.get("anyOf")):
        # A shape that became a union (a discriminated one: the feed's events): compared as what
        # every alternative has, an enum (the discriminator) as the values of all of them.
        resolved = [b.resolve(alternative) for alternative in alternatives]
        types = {alternative.get("type", "object") for alternative in resolved}
        if types == {"object"}:
            new = _common_shape(resolved, b)
        elif len(types) == 1:  # e.g. an open enum: one of the codes, or any string
            new = {"type": types.pop(), "nullable": any(alt.get("nullable") for alt in resolved)}
            if all("enum" in alternative for alternative in resolved):
                new["enum"] = sorted({value for alt in resolved for value in alt["enum"]})
    old_type, new_type = old.get("type"), new.get("type")
    if old_type and new_type and old_type != new_type:
        return [f"{where}: type {old_type} became {new_type}"]
    if reading and not old.get("nullable") and new.get("nullable"):
        problems.append(f"{where}: may now be null")
    if not reading and old.get("nullable") and not new.get("nullable"):
        problems.append(f"{where}: no longer accepts null")
    if "enum" in old and "enum" in new:
        dropped = [value for value in old["enum"] if value not in new["enum"]]
        if dropped:
            problems.append(f"{where}: enum no longer has {dropped}")
    if "enum" not in old and "enum" in new and not reading:
        problems.append(f"{where}: now restricted to {new['enum']}")
    old_props, new_props = old.get("properties", {}), new.get("properties", {})
    old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
    for name, old_prop in old_props.items():
        field = f"{where}.{name}"
        if name not in new_props:
            problems.append(f"{field}: removed")
            continue
        if reading and name in old_required and name not in new_required:
            problems.append(f"{field}: no longer always present")
        problems += compare_schemas(
            old_prop, new_props[name], where=field, reading=reading, a=a, b=b, depth=depth + 1
        )
    if not reading:
        for name in sorted(new_required - old_required):
            problems.append(f"{where}.{name}: newly required")
    if "items" in old:
        problems += compare_schemas(
            old["items"],
            new.get("items"),
            where=f"{where}[]",
            reading=reading,
            a=a,
            b=b,
            depth=depth + 1,
        )
    return problems


def _common_shape(alternatives: list[dict[str, Any]], schemas: Schemas) -> dict[str, Any]:
    """The object every alternative of a union is: the properties all have (each as the first
    alternative has it, its enum the values of all), required where all require them."""
    names = set.intersection(*(set(alt.get("properties", {})) for alt in alternatives))
    properties: dict[str, Any] = {}
    for name in sorted(names):
        shapes = [schemas.resolve(alt["properties"][name]) for alt in alternatives]
        shape = dict(shapes[0])
        if all("enum" in each for each in shapes):
            shape["enum"] = sorted({value for each in shapes for value in each["enum"]})
        properties[name] = shape
    required = set.intersection(*(set(alt.get("required", [])) for alt in alternatives))
    return {"type": "object", "properties": properties, "required": sorted(required)}


def _parameters(operation: dict[str, Any], path_item: dict[str, Any], schemas: Schemas) -> dict:
    parameters = {}
    for parameter in [*path_item.get("parameters", []), *operation.get("parameters", [])]:
        parameter = schemas.resolve(parameter)
        parameters[(parameter["in"], parameter["name"])] = parameter
    return parameters


def breaking_changes(old_document: dict[str, Any], new_document: dict[str, Any]) -> list[str]:
    a, b = Schemas(old_document), Schemas(new_document)
    problems: list[str] = []
    for path, old_item in old_document.get("paths", {}).items():
        new_item = new_document.get("paths", {}).get(path, {})
        for method in METHODS:
            old_operation = old_item.get(method)
            if old_operation is None:
                continue
            where = f"{method.upper()} {path}"
            new_operation = new_item.get(method)
            if new_operation is None:
                problems.append(f"{where}: operation removed")
                continue
            old_parameters = _parameters(old_operation, old_item, a)
            new_parameters = _parameters(new_operation, new_item, b)
            for key, parameter in old_parameters.items():
                if key not in new_parameters:
                    problems.append(f"{where}: {key[0]} parameter `{key[1]}` removed")
                elif new_parameters[key].get("required") and not parameter.get("required"):
                    problems.append(f"{where}: {key[0]} parameter `{key[1]}` now required")
                else:
                    problems += compare_schemas(
                        parameter.get("schema"),
                        new_parameters[key].get("schema"),
                        where=f"{where} {key[0]} `{key[1]}`",
                        reading=False,
                        a=a,
                        b=b,
                    )
            for key, parameter in new_parameters.items():
                if key not in old_parameters and parameter.get("required"):
                    problems.append(f"{where}: new required {key[0]} parameter `{key[1]}`")
            old_body = a.resolve(old_operation.get("requestBody") or {})
            new_body = b.resolve(new_operation.get("requestBody") or {})
            if (
                new_body.get("required")
                and old_operation.get("requestBody")
                and not old_body.get("required")
            ):
                problems.append(f"{where}: request body now required")
            problems += compare_schemas(
                _json_schema(old_body),
                _json_schema(new_body),
                where=f"{where} request",
                reading=False,
                a=a,
                b=b,
            )
            for status, old_response in old_operation.get("responses", {}).items():
                if not str(status).startswith("2"):
                    continue
                new_response = new_operation.get("responses", {}).get(status)
                if new_response is None:
                    problems.append(f"{where}: answer {status} removed")
                    continue
                problems += compare_schemas(
                    _json_schema(a.resolve(old_response)),
                    _json_schema(b.resolve(new_response)),
                    where=f"{where} {status}",
                    reading=True,
                    a=a,
                    b=b,
                )
    return problems


def _acceptance(problem: str, accepted: dict[str, str]) -> str | None:
    """The entry accepting a problem: its exact line, or a shell pattern (one change made
    on purpose shows up in every answer that embeds the changed component)."""
    return next((entry for entry in accepted if fnmatchcase(problem, entry)), None)


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")


def main(argv: list[str]) -> int:
    old, new = (yaml.safe_load(Path(name).read_text()) for name in argv[1:3])
    accepted: dict[str, str] = {}
    if len(argv) > 3 and Path(argv[3]).exists():
        accepted = yaml.safe_load(Path(argv[3]).read_text()) or {}
    problems = breaking_changes(old, new)
    refused = [problem for problem in problems if _acceptance(problem, accepted) is None]
    for problem in problems:
        entry = _acceptance(problem, accepted)
        if entry is not None:
            _say(f"accepted: {problem} ({accepted[entry]})")
    for problem in refused:
        _say(f"breaking: {problem}")
    stale = [entry for entry in accepted if not any(fnmatchcase(p, entry) for p in problems)]
    for entry in stale:
        _say(f"stale acceptance (matches nothing; remove it): {entry}")
    if refused or stale:
        sys.stderr.write(f"{len(refused)} breaking change(s) of the API\n")
        return 1
    _say(f"no breaking change of the API ({len(problems)} accepted)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
