"""Relaying in the test process, as a worker would."""

from __future__ import annotations

import time
from typing import Any

from docket.core.relay import events_waiting_on_horizon, relay_once

TIMEOUT = 10


def relay_everything(name: str, handler: Any) -> int:
    """Relay to one consumer, as the worker would, until every committed event is handed over.
    The commit horizon is the server's: another connection's open transaction (another test
    run's, a worker's) can hold an event back for a moment, so one pass is not enough."""
    handed = 0
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        handed += relay_once(name, handler) or 0
        if not events_waiting_on_horizon() and relay_once(name, handler) == 0:
            return handed
        time.sleep(0.02)
    raise AssertionError(f"events stayed above the commit horizon for {TIMEOUT} s")
