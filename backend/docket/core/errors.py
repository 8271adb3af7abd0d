"""Domain errors: plain exceptions with a stable machine `code`, no HTTP in sight.

Services raise them; the one handler at the edge (docket.http.problems) maps each kind to
an HTTP status and an RFC 9457 problem body, so clients never parse English.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


class FieldError:
    """One invalid input field: `field` is a dotted path (`labels.0`), None for the whole body."""

    __slots__ = ("code", "field", "message")

    def __init__(self, field: str | None, code: str, message: str) -> None:
        self.field = field
        self.code = code
        self.message = message

    def as_dict(self) -> dict[str, Any]:
        return {"field": self.field, "code": self.code, "message": self.message}


class ApplicationError(Exception):
    """A refusal the client can act on. Subclasses say which kind (the edge maps kinds to HTTP
    statuses); `code` says exactly what, for clients to branch on."""

    code = "bad_request"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        errors: Iterable[FieldError] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.errors = list(errors)


class ValidationFailed(ApplicationError):
    code = "validation_error"

    @classmethod
    def for_field(cls, field: str | None, code: str, message: str) -> ValidationFailed:
        return cls(message, errors=[FieldError(field, code, message)])


class NotFound(ApplicationError):
    code = "not_found"


class PermissionDenied(ApplicationError):
    code = "permission_denied"


class Unauthenticated(ApplicationError):
    code = "not_authenticated"


class Conflict(ApplicationError):
    code = "conflict"


class PreconditionFailed(ApplicationError):
    """The caller's copy is stale: the object changed since the version it names."""

    code = "precondition_failed"


class TooManyAttempts(ApplicationError):
    """Slowed down: the same request may succeed after `retry_after` seconds."""

    code = "too_many_attempts"

    def __init__(self, message: str, *, retry_after: int, code: str | None = None) -> None:
        super().__init__(message, code=code)
        self.retry_after = retry_after
