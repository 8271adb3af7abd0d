"""Rate limits (docket.core.ratelimit): per caller and per workspace, reads apart from writes,
counted in the real Redis, announced with the IETF RateLimit fields on every answer."""

import json
import re
import threading
import time
import urllib.request

import pytest
import yaml
from django.conf import settings
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from docket.core import ratelimit
from docket.core.models import IdempotencyRecord
from docket.core.scopes import LEGACY_SCOPES
from docket.issues.models import Issue
from docket.testing.live import free_port, live_api
from docket.workspaces.services import token_create

pytestmark = pytest.mark.django_db

ISSUES = "/api/v1/workspaces/acme/projects/ENG/issues"
_SERVICE_LIMIT = re.compile(r'^"(?P<name>[a-z-]+)";r=(?P<r>\d+);t=(?P<t>\d+)$')


def _limits(settings, **rates: str) -> None:
    """Replace some policies' rates for this test (`user_read="2/minute"`)."""
    settings.RATE_LIMITS = {
        **settings.RATE_LIMITS,
        **{name.replace("_", "-"): rate for name, rate in rates.items()},
    }


def _service_limits(response) -> dict[str, tuple[int, int]]:
    """{policy: (remaining, reset)} from the `RateLimit` field."""
    items = [item.strip() for item in response["RateLimit"].split(",")]
    parsed = {}
    for item in items:
        match = _SERVICE_LIMIT.match(item)
        assert match, item
        parsed[match["name"]] = (int(match["r"]), int(match["t"]))
    return parsed


def _token_client(user, workspace_slug="acme", scope="write") -> APIClient:
    created = token_create(
        actor=user,
        workspace_slug=workspace_slug,
        name="ci",
        scopes=LEGACY_SCOPES[scope],
        expires_at=None,
    )
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {created.secret}")
    return client


def test_answers_carry_the_policy_and_the_service_limit(world, as_user, settings):
    _limits(settings, user_read="50/minute", workspace_read="500/minute")
    client = as_user(world.member)

    ok = client.get(ISSUES)

    assert ok.status_code == 200
    assert ok["RateLimit-Policy"] == ('"user-read";q=50;w=60, "workspace-read";q=500;w=60')
    assert _service_limits(ok) == {"user-read": (49, 60), "workspace-read": (499, 60)}


def test_404_and_304_answers_carry_the_fields_too(world, as_user):
    client = as_user(world.member)
    issue = f"/api/v1/workspaces/acme/issues/{world.eng_issue.key}"

    missing = client.get("/api/v1/workspaces/acme/issues/ENG-999999")
    etag = client.get(issue)["ETag"]
    not_modified = client.get(issue, HTTP_IF_NONE_MATCH=etag)

    assert missing.status_code == 404
    assert not_modified.status_code == 304
    for response in (missing, not_modified):
        assert "user-read" in _service_limits(response)
        assert '"user-read";q=' in response["RateLimit-Policy"]


def test_the_429_is_a_problem_with_retry_after_and_the_fields(world, as_user, settings):
    _limits(settings, user_write="2/minute")
    client = as_user(world.member)
    for n in range(2):
        assert client.post(ISSUES, {"title": f"Allowed {n}"}).status_code == 201

    refused = client.post(ISSUES, {"title": "One too many"})

    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    body = refused.json()
    assert body["code"] == "rate_limited"
    assert body["type"] == "urn:docket:problem:rate_limited"
    assert body["status"] == 429
    assert "user-write" in body["detail"]
    retry_after = int(refused["Retry-After"])
    assert 1 <= retry_after <= 60
    # The detail says once when to retry, with the same figure as Retry-After.
    assert body["detail"].count("retry") == 1
    assert "Expected available" not in body["detail"]
    assert body["detail"].endswith(f"retry after {retry_after} s.")
    # The refused policy comes first; Retry-After is not before its window ends.
    assert refused["RateLimit"].startswith('"user-write";r=0;t=')
    assert retry_after >= _service_limits(refused)["user-write"][1]
    assert refused["RateLimit-Policy"].startswith('"user-write";q=2;w=60')
    assert not Issue.objects.filter(title="One too many").exists()


def test_reads_and_writes_have_separate_budgets(world, as_user, settings):
    _limits(settings, user_read="2/minute", user_write="2/minute")
    client = as_user(world.member)
    assert [client.get(ISSUES).status_code for _ in range(3)] == [200, 200, 429]

    # Reads exhausted, writes untouched.
    assert client.post(ISSUES, {"title": "Still writable"}).status_code == 201


def test_a_token_has_its_own_budget_apart_from_its_owner(world, as_user, settings):
    _limits(settings, user_read="2/minute", token_read="3/minute")
    session = as_user(world.member)
    token = _token_client(world.member)
    assert [session.get(ISSUES).status_code for _ in range(3)] == [200, 200, 429]

    # The owner's session is exhausted; their token has all of its own.
    answers = [token.get(ISSUES) for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert _service_limits(answers[0])["token-read"] == (2, 60)
    assert "user-read" not in _service_limits(answers[0])


def test_the_workspace_budget_is_shared_by_every_member_and_token(world, as_user, settings):
    _limits(settings, workspace_write="3/minute")
    member, admin = as_user(world.member), as_user(world.admin)
    token = _token_client(world.owner)

    statuses = [
        member.post(ISSUES, {"title": "m"}).status_code,
        admin.post(ISSUES, {"title": "a"}).status_code,
        token.post(ISSUES, {"title": "t"}).status_code,
        member.post(ISSUES, {"title": "over"}).status_code,
    ]

    assert statuses == [201, 201, 201, 429]
    refused = admin.post(ISSUES, {"title": "over too"})
    assert refused.status_code == 429
    assert refused["RateLimit"].startswith('"workspace-write";r=0;')
    # Another workspace's budget is its own.
    assert (
        as_user(world.outsider)
        .post("/api/v1/workspaces/other/projects/ENG/issues", {"title": "theirs"})
        .status_code
        == 201
    )


def test_an_outsiders_404s_cost_the_workspace_nothing(world, as_user, settings):
    _limits(settings, workspace_read="2/minute")
    outsider = as_user(world.outsider)

    probes = [outsider.get(ISSUES) for _ in range(5)]

    assert {p.status_code for p in probes} == {404}
    # Counted against the outsider alone, never against acme.
    assert set(_service_limits(probes[-1])) == {"user-read"}
    member = as_user(world.member)
    first = member.get(ISSUES)
    assert first.status_code == 200
    assert _service_limits(first)["workspace-read"][0] == 1


def test_after_the_window_requests_are_served_again(world, as_user, settings):
    _limits(settings, user_read="2/second")
    client = as_user(world.member)
    assert [client.get(ISSUES).status_code for _ in range(3)] == [200, 200, 429]

    # Wait for the reset the answer announced (polling, not a guessed sleep).
    deadline = time.monotonic() + 5
    while (answer := client.get(ISSUES)).status_code == 429:
        assert time.monotonic() < deadline, "the window never reset"
        time.sleep(min(0.2, int(answer["Retry-After"])))

    assert answer.status_code == 200
    assert _service_limits(answer)["user-read"][0] == 1


def test_anonymous_requests_are_limited_per_client_ip(db, api, settings):
    _limits(settings, anon="2/minute")
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth_ip": "100/minute"}
    wrong = {"email": "nobody@example.com", "password": "wrong-password"}

    answers = [api.post("/api/v1/auth/token", wrong) for _ in range(3)]

    assert [a.status_code for a in answers] == [401, 401, 429]
    assert _service_limits(answers[0]) == {"anon": (1, 60)}
    assert answers[2].json()["code"] == "rate_limited"
    # Another address has its own budget.
    other = api.post("/api/v1/auth/token", wrong, REMOTE_ADDR="203.0.113.9")
    assert other.status_code == 401


def test_the_realtime_ticket_is_limited_as_a_write(world, as_user, settings):
    _limits(settings, user_write="1/minute")
    client = as_user(world.member)

    first = client.post("/api/v1/realtime/ticket")
    second = client.post("/api/v1/realtime/ticket")

    assert first.status_code < 400
    assert _service_limits(first)["user-write"] == (0, 60)
    assert second.status_code == 429
    assert "Retry-After" in second


def test_a_rate_limited_keyed_post_frees_its_key_for_the_retry(world, as_user, settings):
    _limits(settings, user_write="1/second")
    client = as_user(world.member)
    assert client.post(ISSUES, {"title": "Uses the budget"}).status_code == 201

    refused = client.post(ISSUES, {"title": "Keyed"}, HTTP_IDEMPOTENCY_KEY="retry-me")
    assert refused.status_code == 429
    assert not IdempotencyRecord.objects.exists()

    def once_the_window_resets():
        deadline = time.monotonic() + 5
        while (
            answer := client.post(ISSUES, {"title": "Keyed"}, HTTP_IDEMPOTENCY_KEY="retry-me")
        ).status_code == 429:
            assert time.monotonic() < deadline, "the window never reset"
            time.sleep(0.2)
        return answer

    retry = once_the_window_resets()
    assert retry.status_code == 201
    assert "Idempotent-Replayed" not in retry
    assert Issue.objects.filter(title="Keyed").count() == 1
    # A replay is counted like any request (issue 19): it too waits for the window
    replay = once_the_window_resets()
    assert replay["Idempotent-Replayed"] == "true"
    assert Issue.objects.filter(title="Keyed").count() == 1


def test_with_redis_down_requests_are_served_unlimited(world, as_user, settings, caplog):
    closed_port = free_port()  # bound, then released: nothing listens there
    settings.RATE_LIMIT_REDIS_URL = f"redis://127.0.0.1:{closed_port}/0"
    _limits(settings, user_read="1/minute")
    client = as_user(world.member)

    answers = [client.get(ISSUES) for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 200]
    assert all("RateLimit" not in a for a in answers)
    ratelimit.reset_backoff()


@pytest.mark.django_db(transaction=True, databases=["default", "replica", "analytics"])
def test_the_limit_holds_across_api_processes(world):
    """Two uvicorn workers, one budget: concurrent requests spread over both processes are
    allowed exactly as many times as the policy says."""
    env = {
        "SECRET_KEY": settings.SECRET_KEY,
        "REDIS_URL": settings.RATE_LIMIT_REDIS_URL,
        "RATE_LIMIT_KEY_PREFIX": settings.RATE_LIMIT_KEY_PREFIX,
        "RATE_LIMIT_USER_READ": "7/minute",
    }
    headers = {"Authorization": f"Bearer {AccessToken.for_user(world.member)}"}
    statuses: list[int] = []
    lock = threading.Lock()

    def call(base: str) -> None:
        request = urllib.request.Request(base + ISSUES, headers=headers)  # noqa: S310
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        with lock:
            statuses.append(status)

    with live_api(env, "--workers", "2") as base:
        threads = [threading.Thread(target=call, args=(base,)) for _ in range(30)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert len(statuses) == 30
    assert statuses.count(200) == 7, statuses
    assert statuses.count(429) == 23


@pytest.mark.parametrize(
    ("rate", "parsed"),
    [("1200/minute", (1200, 60)), ("2/second", (2, 1)), ("5/10s", (5, 10)), ("1/day", (1, 86400))],
)
def test_rates_parse(rate, parsed):
    assert ratelimit.parse_rate(rate) == parsed


def test_an_unknown_period_is_refused():
    with pytest.raises(ValueError, match="Unknown rate"):
        ratelimit.parse_rate("5/fortnight")


def test_the_defaults_are_generous(settings):
    # The SPA, the browser tests and the fuzzer must never meet them.
    for name, rate in settings.RATE_LIMITS.items():
        quota, window = ratelimit.parse_rate(rate)
        assert quota / window >= 5 / 1, (name, rate)
    assert json.dumps(settings.CORS_EXPOSE_HEADERS).count("RateLimit") == 2


def test_every_operation_documents_its_429_with_the_rate_limit_fields():
    schema = yaml.safe_load((settings.REPO_DIR / "openapi" / "v1.yaml").read_text())
    operations = [
        (method, path, operation)
        for path, item in schema["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]

    undocumented = [
        f"{method.upper()} {path}"
        for method, path, operation in operations
        if set(operation["responses"].get("429", {}).get("headers", {}))
        != {"Retry-After", "RateLimit", "RateLimit-Policy"}
    ]

    assert operations
    assert undocumented == []
    assert schema["components"]["headers"]["RetryAfter"]["required"] is True


def test_the_limiter_can_be_switched_off(world, as_user, settings):
    settings.RATE_LIMIT_ENABLED = False
    _limits(settings, user_read="1/minute")
    client = as_user(world.member)

    answers = [client.get(ISSUES) for _ in range(3)]

    assert [a.status_code for a in answers] == [200, 200, 200]
    assert "RateLimit" not in answers[0]


def test_requests_refused_for_their_credentials_count_per_client_ip(world, api, settings):
    _limits(settings, anon="3/minute")
    bogus_token = APIClient()
    bogus_token.credentials(HTTP_AUTHORIZATION="Bearer dkt_pat_not-a-real-token")
    bad_jwt = APIClient()
    bad_jwt.credentials(HTTP_AUTHORIZATION="Bearer not.a.jwt")

    answers = [api.get(ISSUES), bogus_token.get(ISSUES), bad_jwt.get(ISSUES), api.get(ISSUES)]

    assert [a.status_code for a in answers] == [401, 401, 401, 429]
    assert _service_limits(answers[0]) == {"anon": (2, 60)}
    assert answers[3].json()["code"] == "rate_limited"
    assert int(answers[3]["Retry-After"]) >= 1
    # The address's budget, not anyone's account: a signed-in member is unaffected.
    assert APIClient().get("/api/v1/me", REMOTE_ADDR="203.0.113.7").status_code == 401
    member = APIClient()
    member.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(world.member)}")
    assert member.get(ISSUES).status_code == 200
