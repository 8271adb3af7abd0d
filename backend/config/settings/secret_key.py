"""Secrets: a key generated once per machine for local development, and the strength rule
production applies to every secret it is given (SECRET_KEY, METRICS_TOKEN)."""

import math
import os
import secrets
from collections import Counter
from pathlib import Path

# Keys that were ever published (in this repository's compose file, or as examples): a token
# signed with one of them reads any workspace of a deployment that kept it.
PUBLISHED_SECRETS = frozenset(
    {
        "compose-local-only-3Fq8ZrT1vLw9mXk2Pn7Hs4Jd6Cy0Bg5Ea8Ut2Ro1Wi",
        "compose-local-metrics-token",
        "local-metrics-token",
    }
)
SECRET_KEY_MIN_LENGTH = 50
METRICS_TOKEN_MIN_LENGTH = 32
# Shannon entropy of the key's own characters times its length: 60 times "a" has 0 bits, a
# repeated word a few dozen, `secrets.token_urlsafe(64)` about 500. 128 bits is the floor.
SECRET_MIN_ENTROPY_BITS = 128
SECRET_MIN_DISTINCT_CHARACTERS = 16


def secret_entropy_bits(value: str) -> float:
    """An upper estimate of the bits in `value`, from the frequencies of its own characters."""
    if not value:
        return 0.0
    counts = Counter(value)
    length = len(value)
    per_character = -sum(count / length * math.log2(count / length) for count in counts.values())
    return per_character * length


def weak_secret_reason(value: str, *, min_length: int) -> str | None:
    """Why `value` must not be used as a production secret, or None when it may."""
    if value in PUBLISHED_SECRETS or value.startswith("django-insecure"):
        return "it is a published value"
    if len(value) < min_length:
        return f"it is shorter than {min_length} characters"
    if len(set(value)) < SECRET_MIN_DISTINCT_CHARACTERS:
        return f"it has fewer than {SECRET_MIN_DISTINCT_CHARACTERS} distinct characters"
    if secret_entropy_bits(value) < SECRET_MIN_ENTROPY_BITS:
        return f"it holds less than {SECRET_MIN_ENTROPY_BITS} bits of entropy"
    return None


def machine_secret_key(path: Path) -> str:
    """The key stored at `path`, created (readable by its owner only) if missing."""
    try:
        key = path.read_text().strip()
    except FileNotFoundError:
        key = ""
    if len(key) >= 50:
        return key
    key = secrets.token_urlsafe(64)
    # O_EXCL: two processes starting at once must not both write; the loser reads the winner's.
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return path.read_text().strip() or key
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key + "\n")
    return key
