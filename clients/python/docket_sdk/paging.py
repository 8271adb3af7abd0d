"""What every list page of the API looks like: `results` and an opaque `next_cursor`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

ItemT_co = TypeVar("ItemT_co", covariant=True)


class Page(Protocol[ItemT_co]):
    """A keyset page (`Paginated...List` in the generated models)."""

    @property
    def results(self) -> Sequence[ItemT_co]: ...

    @property
    def next_cursor(self) -> str | None: ...


PageT = TypeVar("PageT", bound=Page[Any])
