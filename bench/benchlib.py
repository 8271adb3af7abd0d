"""What the benchmark drivers share: signing in as a demo user, percentiles. Stdlib only."""

from __future__ import annotations

import http.client
import json
from urllib.parse import urlsplit

DEMO_EMAIL = "member@example.com"
DEMO_PASSWORD = "docket-demo-password"  # noqa: S105 - the public demo seed's password


def sign_in(base: str, email: str = DEMO_EMAIL, password: str = DEMO_PASSWORD) -> str:
    """An access token for a demo user of the API at `base` (e.g. http://127.0.0.1:8001)."""
    split = urlsplit(base)
    connection = http.client.HTTPConnection(split.hostname or "127.0.0.1", split.port, timeout=30)
    body = json.dumps({"email": email, "password": password})
    connection.request("POST", "/api/v1/auth/token", body, {"Content-Type": "application/json"})
    response = connection.getresponse()
    payload = json.loads(response.read())
    connection.close()
    if response.status != 200:
        raise SystemExit(f"sign-in failed: {response.status} {payload}")
    return payload["access"]


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of `values` (fraction 0.99 for p99)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]
