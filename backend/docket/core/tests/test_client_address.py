"""The client address the throttles count is the peer's: X-Forwarded-For is trusted from no one
unless a deployment names its proxy. Checked on a live server started the way `make run` does."""

import re
from pathlib import Path

import pytest

from docket.testing.live import free_port, http_request, live_api
from docket.testing.worker import BACKEND

ROOT = BACKEND.parent
SERVER_COMMANDS = [
    "scripts/run-dev.sh",
    "Makefile",
    "frontend/e2e/harness.mjs",
]
# Production serving: gunicorn with its config, which trusts no proxy unless told its address.
GUNICORN_COMMANDS = ["backend/Dockerfile", "docker-compose.yml"]


@pytest.mark.parametrize("path", SERVER_COMMANDS)
def test_every_place_that_starts_the_api_refuses_forwarded_headers(path):
    text = Path(ROOT, path).read_text()
    assert re.search(r"uvicorn", text)
    assert "no-proxy-headers" in text, f"{path} starts uvicorn trusting X-Forwarded-For"


@pytest.mark.parametrize("path", GUNICORN_COMMANDS)
def test_production_serving_uses_the_gunicorn_config_and_no_uvicorn_of_its_own(path):
    text = Path(ROOT, path).read_text()
    assert re.search(r'"gunicorn",\s*"-c",\s*"config/gunicorn.conf.py"', text), path
    assert "uvicorn config" not in text
    assert "- uvicorn" not in text


def test_the_gunicorn_config_trusts_forwarded_headers_only_from_a_named_proxy(monkeypatch):
    from gunicorn.app.base import Application  # type: ignore[import-untyped]

    class Loaded(Application):
        def init(self, parser, opts, args):
            return {}

        def load_config(self):
            self.load_config_from_file(str(Path(ROOT, "backend/config/gunicorn.conf.py")))

        def load(self):  # pragma: no cover - never served
            raise AssertionError

    monkeypatch.delenv("FORWARDED_ALLOW_IPS", raising=False)
    assert Loaded().cfg.forwarded_allow_ips == []
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "10.1.2.3")
    assert Loaded().cfg.forwarded_allow_ips == ["10.1.2.3"]


@pytest.mark.parametrize("gunicorn", [False, True], ids=["uvicorn", "gunicorn"])
@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_a_forged_forwarded_for_does_not_escape_the_sign_in_limit(world, gunicorn):
    env = {
        "THROTTLE_AUTH_IP": "3/minute",
        "THROTTLE_AUTH_ACCOUNT": "100/minute",
        "CACHE_KEY_PREFIX": f"xff-{free_port()}",
    }
    body = b'{"email": "nobody@example.com", "password": "wrong-password"}'
    with live_api(env, "--no-proxy-headers", gunicorn=gunicorn) as base:
        statuses = [
            http_request(
                base,
                "POST",
                "/api/v1/auth/token",
                body,
                **{"Content-Type": "application/json", "X-Forwarded-For": f"10.0.0.{n}"},
            )
            for n in range(5)
        ]
    assert statuses[:3] == [401, 401, 401]
    assert statuses[3:] == [429, 429]
