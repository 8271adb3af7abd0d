"""The human keys in URLs and payloads: a project key (`ENG`) and an issue key (`ENG-42`).

One rule for every place that reads a key (URL converters, input serializers, selectors, the
websocket protocol, model validation), so that a key one of them accepts is never refused, or
silently not found, by another. Issue numbers start at 1 and have no leading zero.
"""

from __future__ import annotations

import re

# Unanchored, for URL converters and to build the others from.
PROJECT_KEY = "[A-Z]{2,10}"
ISSUE_NUMBER = "[1-9][0-9]{0,9}"
ISSUE_KEY = f"{PROJECT_KEY}-{ISSUE_NUMBER}"

# Anchored, for validators and serializers (and so for the schema's `pattern`).
PROJECT_KEY_PATTERN = f"^{PROJECT_KEY}$"
ISSUE_KEY_PATTERN = f"^{ISSUE_KEY}$"

MAX_ISSUE_KEY_LENGTH = 21

_ISSUE_KEY_PARTS = re.compile(f"(?P<project>{PROJECT_KEY})-(?P<number>{ISSUE_NUMBER})")


def issue_key_parts(key: str) -> tuple[str, int] | None:
    """(project key, number) of a well-formed issue key, else None."""
    match = _ISSUE_KEY_PARTS.fullmatch(key)
    if match is None:
        return None
    return match["project"], int(match["number"])
