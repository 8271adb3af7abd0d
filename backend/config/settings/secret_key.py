"""A secret key generated once per machine for local development."""

import os
import secrets
from pathlib import Path


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
