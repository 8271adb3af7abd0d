"""The caller of an endpoint that requires authentication."""

from typing import Any

from rest_framework.request import Request


def signed_in(request: Request) -> Any:
    """The authenticated user (views behind IsAuthenticated never see an anonymous one). Typed
    loosely because core sits below the accounts app that defines the user model."""
    return request.user
