"""Small shared types."""

from enum import Enum
from typing import Literal, TypeVar, Union

T = TypeVar("T")


class _Unset(Enum):
    UNSET = "UNSET"

    def __repr__(self) -> str:
        return "UNSET"


# Marks "not given" in partial updates, where None is a real value ("clear the lead").
UNSET = _Unset.UNSET
# (Union, not `|`: a generic alias needs the typing form to be one for type checkers.)
Maybe = Union[T, Literal[_Unset.UNSET]]  # noqa: UP007
