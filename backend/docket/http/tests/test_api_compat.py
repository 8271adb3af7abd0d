"""The breaking-change check of `make api-compat` (scripts/api_compat.py) refuses what would
break a client built against the previous schema, and lets additions through."""

import copy
import importlib.util

import pytest
import yaml
from django.conf import settings


def _checker():
    spec = importlib.util.spec_from_file_location(
        "api_compat", settings.REPO_DIR / "scripts" / "api_compat.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


COMPAT = _checker()
SCHEMA = yaml.safe_load((settings.REPO_DIR / "openapi" / "v1.yaml").read_text())
ISSUES = "/api/v1/workspaces/{workspace_slug}/projects/{project_key}/issues"
ISSUE = "/api/v1/workspaces/{workspace_slug}/issues/{issue_key}"


def _changed(change) -> list[str]:
    new = copy.deepcopy(SCHEMA)
    change(new)
    return COMPAT.breaking_changes(SCHEMA, new)


def test_the_schema_against_itself_has_no_breaking_change():
    assert COMPAT.breaking_changes(SCHEMA, SCHEMA) == []


def _drop_filter(schema):
    get = schema["paths"][ISSUES]["get"]
    get["parameters"] = [p for p in get["parameters"] if p["name"] != "assignee"]


def _require_description(schema):
    schema["components"]["schemas"]["IssueCreateInput"]["required"].append("description")


def _drop_output_field(schema):
    del schema["components"]["schemas"]["IssueOutput"]["properties"]["title"]


def _narrow_priority(schema):
    enum = schema["components"]["schemas"]["PriorityEnum"]["enum"]
    enum.remove(enum[-1])


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda s: s["paths"][ISSUE].pop("delete"), f"DELETE {ISSUE}: operation removed"),
        (_drop_filter, f"GET {ISSUES}: query parameter `assignee` removed"),
        (_require_description, f"POST {ISSUES} request.description: newly required"),
        (_drop_output_field, f"GET {ISSUE} 200.title: removed"),
        (_narrow_priority, f"POST {ISSUES} request.priority: enum no longer has"),
    ],
)
def test_a_breaking_change_is_reported(change, expected):
    problems = _changed(change)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_additions_are_not_breaking():
    def add(schema):
        schema["paths"]["/api/v1/new"] = {"get": {"responses": {}}}
        schema["components"]["schemas"]["IssueOutput"]["properties"]["extra"] = {"type": "string"}
        schema["paths"][ISSUES]["get"]["parameters"].append(
            {"in": "query", "name": "new_filter", "schema": {"type": "string"}}
        )
        schema["components"]["schemas"]["PriorityEnum"]["enum"].append("critical")

    assert _changed(add) == []


def _run(tmp_path, accepted: dict[str, str]) -> int:
    new = copy.deepcopy(SCHEMA)
    _drop_output_field(new)
    for name, document in (("old.yaml", SCHEMA), ("new.yaml", new), ("ok.yaml", accepted)):
        (tmp_path / name).write_text(yaml.safe_dump(document))
    names = ("old.yaml", "new.yaml", "ok.yaml")
    return COMPAT.main(["api_compat", *(str(tmp_path / name) for name in names)])


def test_an_acceptance_names_a_change_exactly_or_by_pattern_and_goes_stale(tmp_path):
    assert _run(tmp_path, {}) == 1
    every_line = dict.fromkeys(_changed(_drop_output_field), "on purpose")
    assert len(every_line) > 1
    assert _run(tmp_path, every_line) == 0
    assert _run(tmp_path, dict(list(every_line.items())[1:])) == 1
    assert _run(tmp_path, {"*.title: removed": "on purpose"}) == 0
    assert _run(tmp_path, {"*.title: removed": "ok", "*.nothing*": "stale"}) == 1
