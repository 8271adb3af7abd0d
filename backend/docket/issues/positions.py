"""Board positions as fractional keys: strings that sort between their neighbours.

Moving a card writes one row: its new key lies strictly between the keys of the cards it lands
between, so a column never has to be renumbered. Keys are base-62 fractions (digits sort in
ASCII, the column uses the "C" collation) that never end in the smallest digit, so a key exists
between any two keys.
"""

DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BASE = len(DIGITS)
_SMALLEST, _LARGEST = DIGITS[0], DIGITS[-1]


def is_valid_key(key: str) -> bool:
    return bool(key) and not key.endswith(_SMALLEST) and all(c in DIGITS for c in key)


def _midpoint(lower: str, upper: str | None) -> str:
    """A key strictly between `lower` ("" for the start) and `upper` (None for the end)."""
    if upper is not None:
        shared = 0
        while shared < len(upper):
            lower_digit = lower[shared] if shared < len(lower) else _SMALLEST
            if lower_digit != upper[shared]:
                break
            shared += 1
        if shared:
            return upper[:shared] + _midpoint(lower[shared:], upper[shared:])
    low = DIGITS.index(lower[0]) if lower else 0
    high = DIGITS.index(upper[0]) if upper is not None else BASE
    if high - low > 1:
        return DIGITS[(low + high) // 2]
    if upper is not None and len(upper) > 1:
        return upper[0]
    return DIGITS[low] + _midpoint(lower[1:], None)


def _after(lower: str) -> str:
    # Appending is the common case (new issues go to the end): bump the first digit that can
    # be bumped and drop the rest, so keys grow by one character per ~30 appends, not per ~6.
    for index, char in enumerate(lower):
        if char != _LARGEST:
            return lower[:index] + DIGITS[DIGITS.index(char) + 1]
    return lower + DIGITS[BASE // 2]


def _before(upper: str) -> str:
    for index, char in enumerate(upper):
        digit = DIGITS.index(char)
        if digit > 1:
            return upper[:index] + DIGITS[digit - 1]
    return _midpoint("", upper)


def key_between(lower: str | None, upper: str | None) -> str:
    """A new key that sorts after `lower` and before `upper`; None means an open end."""
    if lower is not None and upper is not None and not lower < upper:
        raise ValueError(f"lower {lower!r} must sort before upper {upper!r}")
    if lower is None and upper is None:
        return DIGITS[BASE // 2]
    if upper is None:
        return _after(lower or "")
    if lower is None:
        return _before(upper)
    return _midpoint(lower, upper)
