"""Names for every enum value in the schema (`x-enum-varnames`), so generated clients get
`CREATED_DESC` for the ordering `-created` instead of `VALUE_9`, and the same names in every
language. A drf-spectacular postprocessing hook, run last, over the whole document."""

from __future__ import annotations

import re
from typing import Any

_NOT_A_NAME = re.compile(r"[^0-9A-Za-z]+")


def enum_value_name(value: Any) -> str:
    """`-due_date` -> `DUE_DATE_DESC`, `issue.created` -> `ISSUE_CREATED`, `""` -> `BLANK`."""
    if value is None:
        return "NULL"
    text = str(value)
    descending = text.startswith("-")
    name = _NOT_A_NAME.sub("_", text.lstrip("-")).strip("_").upper() or "BLANK"
    if name[0].isdigit():
        name = f"N{name}"
    return f"{name}_DESC" if descending else name


def _name_enums(node: Any) -> None:
    if isinstance(node, dict):
        values = node.get("enum")
        if isinstance(values, list) and "x-enum-varnames" not in node:
            names = [enum_value_name(value) for value in values]
            if len(set(names)) == len(names):  # never two values under one name
                node["x-enum-varnames"] = names
        for child in node.values():
            _name_enums(child)
    elif isinstance(node, list):
        for child in node:
            _name_enums(child)


def name_enum_values(result: dict[str, Any], **_: Any) -> dict[str, Any]:
    _name_enums(result)
    return result
