"""Write the SPA's copy of the constants it shares with the backend but that the OpenAPI schema
cannot carry as values: frontend/src/shared/api/constants.ts. A test fails when the copy is
stale."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from docket.core.keys import PROJECT_KEY
from docket.projects.models import CATEGORY_COLORS

SPA_CONSTANTS_FILE = (
    Path(settings.REPO_DIR) / "frontend" / "src" / "shared" / "api" / "constants.ts"
)


def spa_constants() -> str:
    """The file's text."""
    colors = "".join(
        f"  {category}: {json.dumps(color)},\n" for category, color in CATEGORY_COLORS.items()
    )
    return (
        "// Generated from the backend by `make constants`; do not edit.\n"
        "\n"
        "/** The colour each state category is shown in (projects.models.CATEGORY_COLORS). */\n"
        f"export const CATEGORY_COLORS = {{\n{colors}}} as const;\n"
        "\n"
        "/** A project key (docket.core.keys.PROJECT_KEY), for an input's `pattern`. */\n"
        f"export const PROJECT_KEY_PATTERN = {json.dumps(PROJECT_KEY)};\n"
    )


class Command(BaseCommand):
    help = "Write frontend/src/shared/api/constants.ts from the backend's constants."

    def handle(self, *args: Any, **options: Any) -> None:
        SPA_CONSTANTS_FILE.write_text(spa_constants())
        self.stdout.write(f"wrote {SPA_CONSTANTS_FILE.relative_to(settings.REPO_DIR)}")
