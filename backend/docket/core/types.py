"""Small shared types."""

from enum import Enum
from typing import TypeVar

T = TypeVar("T")


class _Unset(Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


# Marks "not given" in partial updates, where None is a real value ("clear the lead").
UNSET = _Unset.UNSET
Maybe = T | _Unset
