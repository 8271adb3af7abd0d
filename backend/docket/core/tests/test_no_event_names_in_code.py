"""Guardrail: code outside the events modules never names an event type by its string. A
consumer that wrote `event.name == "issue.moved"` would break silently on a rename; matching
the class (`IssueMoved.is_kind_of(event)`, `consumes(IssueMoved)`) cannot."""

from __future__ import annotations

import ast
from pathlib import Path

from docket.core.events import registered_event_types

DOCKET = Path(__file__).resolve().parents[2]


def _scanned_modules() -> list[Path]:
    """Every module but the events modules (where the names are declared), migrations and
    test code."""
    return [
        path
        for path in sorted(DOCKET.rglob("*.py"))
        if path.name != "events.py"
        and not {"tests", "migrations", "testing"} & set(path.relative_to(DOCKET).parts)
    ]


def _event_names_in(source: str) -> list[tuple[int, str]]:
    names = {kind.name for kind in registered_event_types()}
    return [
        (node.lineno, node.value)
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names
    ]


def test_no_module_outside_the_events_modules_names_an_event_by_its_string() -> None:
    modules = _scanned_modules()
    assert len(modules) > 100  # the scan reaches the apps
    found = [
        f"{path.relative_to(DOCKET.parent)}:{line}: {name!r}"
        for path in modules
        for line, name in _event_names_in(path.read_text())
    ]
    assert found == []


def test_the_guardrail_sees_a_name_written_as_a_string() -> None:
    consumer = 'def relevant(event):\n    return event.name in {"issue.moved", "other"}\n'
    assert _event_names_in(consumer) == [(2, "issue.moved")]
