"""Retiring an operation: marked once, on the view method, it is `deprecated` in the schema and
answers, while it still works, `Deprecation` (RFC 9745: since when) and `Sunset` (RFC 8594: when
it stops), with a `Link` to what replaces it. `make api-compat` refuses to drop an operation of
the previous release; marking it retired first is how clients are told.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import format_datetime
from typing import Any, TypeVar

from drf_spectacular.utils import OpenApiParameter
from rest_framework import views
from rest_framework.request import Request
from rest_framework.response import Response

Handler = TypeVar("Handler", bound=Callable[..., Any])
_ATTRIBUTE = "retirement"


@dataclass(frozen=True)
class Retirement:
    deprecated_since: datetime.datetime
    sunset: datetime.datetime
    successor: str  # a path or URL clients should move to

    def headers(self) -> dict[str, str]:
        return {
            # A structured-field date: seconds since the epoch, prefixed by `@`.
            "Deprecation": f"@{int(self.deprecated_since.timestamp())}",
            "Sunset": format_datetime(self.sunset.astimezone(datetime.UTC), usegmt=True),
            "Link": f'<{self.successor}>; rel="successor-version"',
        }


def retired(*, since: str, sunset: str, successor: str) -> Callable[[Handler], Handler]:
    """Marks a view method retired: `since` and `sunset` are ISO dates (UTC midnight)."""

    def on_midnight(day: str) -> datetime.datetime:
        return datetime.datetime.combine(
            datetime.date.fromisoformat(day), datetime.time(), tzinfo=datetime.UTC
        )

    retirement = Retirement(on_midnight(since), on_midnight(sunset), successor)

    def mark(handler: Handler) -> Handler:
        setattr(handler, _ATTRIBUTE, retirement)
        return handler

    return mark


def retirement_of(view: Any, method: str) -> Retirement | None:
    return getattr(getattr(view, method.lower(), None), _ATTRIBUTE, None)


RETIREMENT_HEADERS = [
    OpenApiParameter(
        "Deprecation",
        location=OpenApiParameter.HEADER,
        response=True,
        type=str,
        description="RFC 9745: the operation is deprecated since this date (`@<epoch seconds>`).",
    ),
    OpenApiParameter(
        "Sunset",
        location=OpenApiParameter.HEADER,
        response=True,
        type=str,
        description="RFC 8594: the date (HTTP-date) after which the operation stops working.",
    ),
]


class RetiredOperations(views.APIView):
    """Adds the retirement headers to every answer of a retired operation (errors included:
    a client hitting it at all should hear about it)."""

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        retirement = retirement_of(self, request.method or "")
        if retirement is not None:
            for name, value in retirement.headers().items():
                response[name] = value
        return response
