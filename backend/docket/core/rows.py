"""Writes to a row read earlier in the request: it may have been deleted since."""

from typing import Any

from docket.core.errors import NotFound


def lock_existing(obj: Any, *, message: str = "Not found.", code: str = "not_found") -> None:
    """Lock `obj`'s row for the rest of the transaction, or raise NotFound if a concurrent
    request deleted it after we read it (saving it would otherwise fail with a 500)."""
    manager = type(obj)._default_manager
    if not list(manager.select_for_update().filter(pk=obj.pk).values_list("pk")[:1]):
        raise NotFound(message, code=code)
