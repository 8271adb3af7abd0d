"""The local mail backend: prints each mail like Django's console backend, with every secret
link token redacted, so a terminal, a CI log or a shared screen never shows a working
invitation (or any other one-time link).

A mail's secret rides in its links as `token=…` (the fragment of `/invite#token=…`) or, in
links of the old shape, as the path segment after `/invite/`. The mail that is sent is left
alone: only the printed copy is redacted.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence
from typing import Any

from django.core.mail.backends.console import EmailBackend as ConsoleBackend
from django.core.mail.message import EmailMessage

REDACTED = "[redacted]"
_SECRETS = re.compile(r"(?P<lead>(?:[?#&;]|\b)token=|/invite/)(?P<secret>[\w.~%-]{8,})")


def redact_link_tokens(text: str) -> str:
    return _SECRETS.sub(lambda match: match["lead"] + REDACTED, text)


def _redacted_alternative(alternative: Any) -> Any:
    content, mimetype = alternative[0], alternative[1]
    if isinstance(content, str):
        content = redact_link_tokens(content)
    if hasattr(alternative, "_make"):  # Django's EmailAlternative, a named tuple
        return alternative._make((content, mimetype))
    return (content, mimetype)


def _redacted(message: EmailMessage) -> EmailMessage:
    shown = copy.copy(message)
    shown.body = redact_link_tokens(str(message.body))
    alternatives: Sequence[Any] = getattr(message, "alternatives", ())
    if alternatives:
        shown.alternatives = [_redacted_alternative(alt) for alt in alternatives]  # type: ignore[attr-defined]
    return shown


class RedactingConsoleBackend(ConsoleBackend):
    def write_message(self, message: EmailMessage) -> None:
        super().write_message(_redacted(message))
