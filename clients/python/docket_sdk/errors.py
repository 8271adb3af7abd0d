"""Errors the SDK raises for answers that are not a success.

The API answers every failure with RFC 9457 problem details; `ApiError` carries them, and its
subclasses name the answers an integration usually branches on. Branch on `code` (stable), never
on `detail` (prose).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


class ApiError(Exception):
    """A 4xx or 5xx answer. `problem` is the decoded problem+json body ({} if there was none)."""

    def __init__(self, status: int, problem: Mapping[str, Any], headers: Mapping[str, str]):
        self.status = status
        self.problem = dict(problem)
        self.headers = dict(headers)
        self.code: str = str(self.problem.get("code", ""))
        detail = self.problem.get("detail") or self.problem.get("title") or "no detail"
        super().__init__(f"{status} {self.code or 'error'}: {detail}")

    @classmethod
    def from_answer(cls, status: int, content: bytes, headers: Mapping[str, str]) -> ApiError:
        try:
            problem = json.loads(content) if content else {}
        except ValueError:
            problem = {}
        if not isinstance(problem, dict):
            problem = {}
        error_class = _BY_STATUS.get(status, ApiError)
        return error_class(status, problem, headers)


class Unauthorized(ApiError):
    """401: the token is missing, unknown, revoked or expired (`token_not_valid`)."""


class Forbidden(ApiError):
    """403: the role does not allow it, or the token may not (`insufficient_scope`: it lacks
    the operation's scope)."""


class NotFound(ApiError):
    """404: no such object, or not visible to this token."""


class PreconditionFailed(ApiError):
    """412: `If-Match` named a stale copy; nothing was written. Read again, reapply, resend."""


class RateLimited(ApiError):
    """429 after the retries ran out; `retry_after` is the server's last `Retry-After`."""

    @property
    def retry_after(self) -> str | None:
        return self.headers.get("retry-after")


_BY_STATUS: dict[int, type[ApiError]] = {
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    412: PreconditionFailed,
    429: RateLimited,
}
