"""Production settings refuse unsafe environments: checked in a fresh interpreter each time."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

BACKEND = Path(__file__).resolve().parents[3]
GOOD_KEY = "k" * 20 + "-production-grade-secret-value-0123456789abcdef"


def _load_production(**env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_SETTINGS_MODULE", "METRICS_TOKEN"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", "import config.settings.production"],
        cwd=BACKEND,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_loads_with_safe_values():
    result = _load_production(SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="api.docket.example")
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "api.docket.example", "DEBUG": "true"},
            "DEBUG must be off",
        ),
        ({"ALLOWED_HOSTS": "api.docket.example"}, "SECRET_KEY"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
        ({"SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "*.docket.example"}, "ALLOWED_HOSTS"),
    ],
)
def test_production_refuses_unsafe_values(env, message):
    result = _load_production(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


FORMER_COMPOSE_KEY = "compose-local-only-3Fq8ZrT1vLw9mXk2Pn7Hs4Jd6Cy0Bg5Ea8Ut2Ro1Wi"


@pytest.mark.parametrize(
    "weak_key",
    [
        FORMER_COMPOSE_KEY,
        "a" * 60,
        "correct-horse-" * 5,
        "django-insecure-" + "x1y2z3w4" * 6,
    ],
    ids=["former-compose-default", "a-times-60", "repeated-phrase", "django-insecure"],
)
def test_production_refuses_weak_or_published_secret_keys(weak_key):
    result = _load_production(SECRET_KEY=weak_key, ALLOWED_HOSTS="api.docket.example")
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is refused" in result.stderr


@pytest.mark.parametrize(
    "weak_token", ["compose-local-metrics-token", "local-metrics-token", "m" * 40, "short-Token-9"]
)
def test_production_refuses_a_weak_metrics_token(weak_token):
    result = _load_production(
        SECRET_KEY=GOOD_KEY, ALLOWED_HOSTS="api.docket.example", METRICS_TOKEN=weak_token
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: METRICS_TOKEN is refused" in result.stderr


def test_production_accepts_a_random_metrics_token():
    result = _load_production(
        SECRET_KEY=GOOD_KEY,
        ALLOWED_HOSTS="api.docket.example",
        METRICS_TOKEN="Xq3v-9LmPz2RkT8wYb4NcJ7hFs6Gd1Ae",
    )
    assert result.returncode == 0, result.stderr


def test_check_deploy_fails_with_the_former_compose_key():
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": FORMER_COMPOSE_KEY,
        "ALLOWED_HOSTS": "api.docket.example",
        "DEBUG": "false",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BACKEND,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY is refused" in result.stderr


def test_compose_has_no_default_for_its_secrets():
    compose = yaml.safe_load((BACKEND.parent / "docker-compose.yml").read_text())
    environment = compose["x-backend"]["environment"]
    for name in ("SECRET_KEY", "METRICS_TOKEN"):
        assert environment[name].startswith("${" + name + ":?"), environment[name]


def test_compose_gives_no_secret_a_default_anywhere():
    # `${NAME:-value}` would ship `value` as the password or key of every stack that forgot it.
    text = (BACKEND.parent / "docker-compose.yml").read_text()
    defaulted = re.findall(r"\$\{(\w*(?:PASSWORD|SECRET|TOKEN|KEY)\w*):?-", text)
    assert defaulted == []


def test_production_turns_the_admin_off_unless_enabled():
    script = (
        "import config.settings.production as s; print(s.ADMIN_ENABLED, s.LOGGING['formatters'])"
    )
    environment = {**os.environ, "SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "api.docket.example"}
    environment.pop("ADMIN_ENABLED", None)
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BACKEND,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("False")
    assert "JSONRenderer" in result.stdout


def test_servers_use_a_connection_pool_not_per_thread_connections():
    script = (
        "import config.settings.production as s; d = s.DATABASES['default'];"
        "print(d['CONN_MAX_AGE'], 'pool' in d['OPTIONS'])"
    )
    environment = {**os.environ, "SECRET_KEY": GOOD_KEY, "ALLOWED_HOSTS": "api.docket.example"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=BACKEND,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "True"]


def test_local_development_signs_with_a_key_made_for_the_machine(tmp_path):
    from config.settings.secret_key import machine_secret_key

    first = machine_secret_key(tmp_path / ".secret_key")
    assert len(first) >= 50
    assert machine_secret_key(tmp_path / ".secret_key") == first  # kept, not remade
    assert (tmp_path / ".secret_key").stat().st_mode & 0o777 == 0o600
    assert machine_secret_key(tmp_path / "elsewhere") != first  # never a constant


def test_local_settings_without_an_environment_key_use_the_machine_key():
    environment = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    script = (
        "import config.settings.local as s; "
        "print(s.SECRET_KEY == s.SIMPLE_JWT['SIGNING_KEY'], len(s.SECRET_KEY) >= 50, s.SECRET_KEY)"
    )
    runs = [
        subprocess.run(
            [sys.executable, "-c", script],
            env=environment,
            cwd=Path(__file__).resolve().parents[3],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs[0][:2] == ["True", "True"]
    assert runs[0][2] == runs[1][2]


def test_compose_keeps_beats_schedule_in_a_volume():
    # Beat's schedule says when each periodic task last ran: in the container's own filesystem
    # it is lost on every redeploy, and a daily task due meanwhile is skipped.
    compose = yaml.safe_load((BACKEND.parent / "docker-compose.yml").read_text())
    beat = compose["services"]["beat"]
    schedule_options = [part for part in beat["command"] if part.startswith("--schedule=")]
    assert len(schedule_options) == 1, beat["command"]
    schedule_directory = os.path.dirname(schedule_options[0].removeprefix("--schedule="))
    # "source:target[:mode]" -> {target: source}
    mounts = {mount.split(":")[1]: mount.split(":")[0] for mount in beat.get("volumes", [])}
    assert schedule_directory in mounts, (schedule_directory, beat.get("volumes"))
    assert mounts[schedule_directory] in compose["volumes"]
