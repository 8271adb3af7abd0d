"""Webhooks: signed per Standard Webhooks, planned once per event and endpoint, retried with
backoff, logged, redelivered, disabled after failing too long, and never sent to our own
network. The receiver is a real local HTTP server."""

from __future__ import annotations

import base64
import datetime
import hashlib
import hmac
import socket
import time

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from prometheus_client import REGISTRY

from docket.core.models import Event
from docket.integrations.models import (
    WebhookAttempt,
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookDisabledEmail,
    WebhookEndpoint,
)
from docket.integrations.services import (
    plan_webhook_deliveries,
    webhook_delivery_send,
    webhook_disabled_email_send,
    webhook_endpoint_create,
)
from docket.integrations.signing import signature
from docket.issues.services import comment_create, issue_update
from docket.testing.receiver import LOOPBACK, Received, ReceiverServer
from docket.testing.world import access_of
from docket.workspaces.models import Membership

WEBHOOKS = "/api/v1/workspaces/acme/webhooks"


@pytest.fixture
def receiver():
    with ReceiverServer() as server:
        yield server


@pytest.fixture
def private_allowed(settings):
    """Tests send to a receiver on 127.0.0.1, which production refuses: allowed explicitly."""
    settings.WEBHOOK_DEVELOPMENT_RECEIVERS = LOOPBACK


def _verify(received: Received, secret: str) -> bool:
    """The receiver's side of Standard Webhooks, written out independently of our signer."""
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = (
        f"{received.headers['webhook-id']}.{received.headers['webhook-timestamp']}.".encode()
        + received.body
    )
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    offered = [part.split(",", 1)[1] for part in received.headers["webhook-signature"].split()]
    return any(hmac.compare_digest(expected, candidate) for candidate in offered)


def _endpoint(
    world, url: str, *event_types: str, role: str = "owner"
) -> tuple[WebhookEndpoint, str]:
    return webhook_endpoint_create(
        access=world.access(role), url=url, event_types=list(event_types or ["issue.updated"])
    )


def _plan_since(mark: int | None) -> list[WebhookDelivery]:
    """What the relay's webhooks consumer plans for the events after `mark`."""
    plan_webhook_deliveries(list(Event.objects.filter(id__gt=mark or 0).order_by("id")))
    return list(WebhookDelivery.objects.filter(event_id__gt=mark or 0).order_by("event_id"))


def _mark() -> int:
    return Event.objects.order_by("-id").values_list("id", flat=True).first() or 0


def _attempts_counted(outcome: str) -> float:
    return REGISTRY.get_sample_value("docket_webhook_attempts_total", {"outcome": outcome}) or 0


def _due_now(delivery: WebhookDelivery) -> None:
    WebhookDelivery.objects.filter(pk=delivery.pk).update(next_attempt_at=timezone.now())


def test_the_signature_matches_the_standard_webhooks_reference_example():
    # The example of the Standard Webhooks reference libraries: secret, id, time, body -> sig.
    assert (
        signature(
            secret="whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            message_id="msg_p5jXN8AQM9LWM0D4loKWxJek",
            timestamp=1614265330,
            body=b'{"test": 2432232314}',
        )
        == "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="
    )


@pytest.mark.django_db
def test_an_event_goes_signed_to_each_endpoint_subscribed_to_it_and_nowhere_else(
    world, receiver, private_allowed
):
    # Given an endpoint for issue updates, one for comments only, and one in another workspace
    wanted, secret = _endpoint(world, receiver.url, "issue.updated", "issue.created")
    _endpoint(world, receiver.url + "/comments", "comment.created")
    outsider = Membership.objects.get(user=world.outsider, workspace=world.other_workspace)
    webhook_endpoint_create(
        access=access_of(outsider), url=receiver.url + "/other", event_types=["issue.updated"]
    )
    mark = _mark()

    # When an issue of acme is edited and the relay plans and sends its deliveries
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Renamed")
    planned = _plan_since(mark)
    results = [webhook_delivery_send(delivery_id=delivery.pk).result for delivery in planned]

    # Then exactly one request arrived: at the subscribed endpoint, signed with its secret
    assert results == ["sent"]
    (request,) = receiver.wait_for(1)
    assert [d.endpoint_id for d in planned] == [wanted.pk]
    assert _verify(request, secret)
    assert not _verify(request, _endpoint(world, receiver.url)[1])  # another secret fails
    assert request.webhook_id == f"msg_{planned[0].pk.hex}"
    assert abs(int(request.headers["webhook-timestamp"]) - time.time()) < 60
    assert request.headers["content-type"] == "application/json"
    body = request.json
    assert body["type"] == "issue.updated"
    assert body["data"]["subject_label"] == "ENG-1"
    assert body["data"]["changes"]["title"]["new"] == "Renamed"
    assert body["data"]["actor"]["email"] == "member@example.com"
    assert WebhookDelivery.objects.get(pk=planned[0].pk).status == WebhookDeliveryStatus.SUCCEEDED


@pytest.mark.django_db
def test_planning_twice_plans_once_and_costs_the_same_for_one_event_or_fifty(world):
    # Given two endpoints for comments
    _endpoint(world, "https://hooks.example.com/a", "comment.created")
    _endpoint(world, "https://hooks.example.com/b", "comment.created")
    mark = _mark()
    comment_create(access=world.access("member"), issue=world.eng_issue, body="one")
    one = list(Event.objects.filter(id__gt=mark))
    for number in range(49):
        comment_create(access=world.access("member"), issue=world.eng_issue, body=f"{number}")
    fifty = list(Event.objects.filter(id__gt=mark).order_by("id"))

    # When the consumer plans one event, then all fifty, then all fifty again (a replayed batch)
    with CaptureQueriesContext(connection) as for_one:
        plan_webhook_deliveries(one)
    with CaptureQueriesContext(connection) as for_fifty:
        plan_webhook_deliveries(fifty)
    plan_webhook_deliveries(fifty)

    # Then each event has one delivery per endpoint, for the same three queries
    assert WebhookDelivery.objects.filter(event_id__gt=mark).count() == 100
    assert len(for_one) == len(for_fifty) == 3


@pytest.mark.django_db
def test_a_failing_receiver_is_retried_with_backoff_and_every_attempt_is_logged(
    world, receiver, private_allowed
):
    # Given a receiver that answers 500, then fails to be reached... then 200
    _endpoint(world, receiver.url)
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Retry me")
    (delivery,) = _plan_since(mark)
    receiver.answer(500, 503)
    counted = {outcome: _attempts_counted(outcome) for outcome in ("failed", "delivered")}

    # When it is sent: a failure schedules the next attempt about 5 s later (±10%)
    first = webhook_delivery_send(delivery_id=delivery.pk)
    row = WebhookDelivery.objects.get(pk=delivery.pk)
    assert first.result == "failed"
    assert 4.4 <= (row.next_attempt_at - timezone.now()).total_seconds() <= 5.6
    # ...and nothing is sent before then, however often it is asked
    assert webhook_delivery_send(delivery_id=delivery.pk).result == "skipped"
    _due_now(delivery)
    second = webhook_delivery_send(delivery_id=delivery.pk)
    assert second.result == "failed"
    # The second wait is five minutes
    wait = WebhookDelivery.objects.get(pk=delivery.pk).next_attempt_at - timezone.now()
    assert 260 <= wait.total_seconds() <= 330
    _due_now(delivery)
    assert webhook_delivery_send(delivery_id=delivery.pk).result == "sent"

    # Then the receiver saw three tries of one message id, and the log shows each answer
    tries = receiver.wait_for(3)
    assert [r.answered for r in tries] == [500, 503, 200]
    assert {r.webhook_id for r in tries} == {f"msg_{delivery.pk.hex}"}
    log = WebhookAttempt.objects.filter(delivery=delivery).order_by("id")
    assert [a.status_code for a in log] == [500, 503, 200]
    assert [a.error for a in log] == ["answered 500", "answered 503", ""]
    assert WebhookEndpoint.objects.get().failing_since is None  # the success ended the streak
    # ...and the metrics counted the two failures and the delivery
    assert _attempts_counted("failed") == counted["failed"] + 2
    assert _attempts_counted("delivered") == counted["delivered"] + 1


@pytest.mark.django_db
def test_a_delivery_gives_up_after_its_last_retry(world, receiver, private_allowed, settings):
    settings.WEBHOOK_RETRY_DELAYS = [0.0]
    _endpoint(world, receiver.url)
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Doomed")
    (delivery,) = _plan_since(mark)
    receiver.answer(500, 500, 500)

    assert webhook_delivery_send(delivery_id=delivery.pk).result == "failed"
    assert webhook_delivery_send(delivery_id=delivery.pk).result == "gave_up"
    assert webhook_delivery_send(delivery_id=delivery.pk).result == "skipped"

    row = WebhookDelivery.objects.get(pk=delivery.pk)
    assert (row.status, row.attempts, row.last_status_code) == ("failed", 2, 500)
    assert len(receiver.wait_for(2)) == 2


@pytest.mark.django_db
def test_an_endpoint_failing_too_long_is_disabled_and_each_admin_is_emailed_once(
    world, receiver, private_allowed, settings, as_user
):
    # Given an endpoint that has been failing for three days
    settings.WEBHOOK_DISABLE_AFTER_SECONDS = 3 * 24 * 3600
    endpoint, _ = _endpoint(world, receiver.url)
    WebhookEndpoint.objects.filter(pk=endpoint.pk).update(
        failing_since=timezone.now() - datetime.timedelta(days=3, seconds=1)
    )
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="One more")
    issue_update(access=world.access("member"), issue=world.eng_issue, title="And another")
    first, second = _plan_since(mark)
    receiver.answer(502)

    # When one more delivery fails
    webhook_delivery_send(delivery_id=first.pk)

    # Then the endpoint is off, the next delivery is not sent, and the owner and the admin are
    # told once each (the member is not)
    endpoint.refresh_from_db()
    assert endpoint.is_active is False
    assert "failed for too long" in endpoint.disabled_reason
    assert webhook_delivery_send(delivery_id=second.pk).result == "cancelled"
    assert len(receiver.wait_for(1)) == 1
    emails = WebhookDisabledEmail.objects.order_by("pk")
    assert {e.recipient.email for e in emails} == {"owner@example.com", "admin@example.com"}
    for email in emails:
        assert webhook_disabled_email_send(delivery_id=email.pk) == "sent"
        assert webhook_disabled_email_send(delivery_id=email.pk) == "skipped"
    assert sorted(m.to[0] for m in mail.outbox) == ["admin@example.com", "owner@example.com"]
    assert receiver.url in mail.outbox[0].body

    # And an admin can turn it on again, which clears the streak
    answer = as_user(world.admin).patch(
        f"{WEBHOOKS}/{endpoint.pk}", {"is_active": True}, format="json"
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["is_active"] is True
    assert answer.json()["failing_since"] is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8000/hook",
        "http://localhost/hook",
        "http://api.localhost/hook",
        "http://10.0.0.5/hook",
        "http://192.168.1.1/hook",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/hook",
        "http://[::ffff:127.0.0.1]/hook",
        "http://[::127.0.0.1]/hook",
        "http://[64:ff9b::7f00:1]/hook",
        "http://[64:ff9b:1:7f00:0:100::]/hook",
        "http://[2002:7f00:1::]/hook",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook",
        "http://0.0.0.0/hook",
        "ftp://hooks.example.com/hook",
        "http://user:pass@hooks.example.com/hook",
    ],
)
def test_a_receiver_on_our_network_or_not_http_is_refused_when_saved(world, as_user, url):
    answer = as_user(world.owner).post(
        WEBHOOKS, {"url": url, "event_types": ["issue.updated"]}, format="json"
    )
    assert answer.status_code == 400, answer.content
    assert answer.json()["errors"][0]["field"] == "url"
    assert not WebhookEndpoint.objects.exists()


@pytest.fixture
def dns(monkeypatch):
    """Stands in for the outside world's DNS: `hooks.example.com` resolves where a test says."""
    answers: dict[str, str] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):
        if host in answers:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


@pytest.mark.django_db
def test_a_name_that_resolves_to_our_network_at_send_time_is_refused(
    world, receiver, dns, settings
):
    # Given an endpoint saved under a public-looking name (accepted: no lookup when saving)...
    port = receiver.url.split(":")[2].split("/")[0]
    _endpoint(world, f"http://hooks.example.com:{port}/hooks/docket")
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Rebind")
    (delivery,) = _plan_since(mark)

    # When the name now resolves to loopback (DNS rebinding) and the delivery is sent
    dns["hooks.example.com"] = "127.0.0.1"
    outcome = webhook_delivery_send(delivery_id=delivery.pk)

    # Then nothing reaches the address, and the log says why
    assert outcome.result == "failed"
    attempt = WebhookAttempt.objects.get(delivery=delivery)
    assert attempt.status_code is None
    assert "127.0.0.1 is not a public address" in attempt.error
    assert receiver.received == []

    # And where private addresses are allowed, the same name reaches the address it resolved to,
    # with its own name as the Host
    settings.WEBHOOK_DEVELOPMENT_RECEIVERS = LOOPBACK
    _due_now(delivery)
    assert webhook_delivery_send(delivery_id=delivery.pk).result == "sent"
    (request,) = receiver.wait_for(1)
    assert request.headers["host"] == f"hooks.example.com:{port}"


@pytest.mark.django_db
def test_a_development_receivers_answer_is_not_kept_in_the_log(world, receiver, private_allowed):
    # Given an endpoint on the allowed loopback receiver, which answers with a body
    _endpoint(world, receiver.url)
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Quiet log")
    (delivery,) = _plan_since(mark)

    # When it is delivered
    assert webhook_delivery_send(delivery_id=delivery.pk).result == "sent"

    # Then the receiver got it, and the log keeps its status but not a byte of its answer
    receiver.wait_for(1)
    attempt = WebhookAttempt.objects.get(delivery=delivery)
    assert (attempt.status_code, attempt.response_body) == (200, "")


@pytest.mark.django_db
def test_loopback_is_refused_when_no_development_receiver_is_listed(world, receiver):
    _endpoint(world, "https://hooks.example.com/x")
    WebhookEndpoint.objects.update(url=receiver.url)  # saved before the policy changed
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Refused")
    (delivery,) = _plan_since(mark)

    assert webhook_delivery_send(delivery_id=delivery.pk).result == "failed"
    assert "is not a public address" in WebhookAttempt.objects.get(delivery=delivery).error
    assert receiver.received == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "http://169.254.169.254/latest/meta-data",
        "http://[fe80::1]/hook",
        "http://[::ffff:169.254.169.254]/hook",
        "http://[64:ff9b::a9fe:a9fe]/hook",
        "http://[fd00:ec2::254]/hook",
        "http://100.100.100.200/hook",
    ],
)
def test_metadata_and_link_local_are_refused_whatever_the_allowlist(world, as_user, settings, url):
    settings.WEBHOOK_DEVELOPMENT_RECEIVERS = ["0.0.0.0/0", "::/0"]
    answer = _create(as_user(world.owner), url)
    assert answer.status_code == 400, answer.content
    assert not WebhookEndpoint.objects.exists()


def _create(client, url: str, *event_types: str):
    return client.post(
        WEBHOOKS, {"url": url, "event_types": list(event_types or ["issue.updated"])}, format="json"
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 401), ("outsider", 404), ("guest", 403), ("member", 403), ("admin", 201)],
)
def test_only_admins_manage_webhooks(world, api, as_user, role, status):
    client = api if role == "anonymous" else as_user(world.user(role))
    assert _create(client, "https://hooks.example.com/x").status_code == status
    assert client.get(WEBHOOKS).status_code == (200 if status == 201 else status)
    assert WebhookEndpoint.objects.count() == (1 if status == 201 else 0)


@pytest.mark.django_db
def test_the_secret_is_shown_once_and_unknown_event_types_are_refused(world, as_user):
    owner = as_user(world.owner)
    created = _create(owner, "https://hooks.example.com/x", "issue.updated", "comment.created")
    assert created.status_code == 201, created.content
    assert created["Cache-Control"] == "no-store"
    body = created.json()
    assert body["secret"].startswith("whsec_")
    assert len(base64.b64decode(body["secret"].removeprefix("whsec_"))) == 32
    assert body["event_types"] == ["comment.created", "issue.updated"]
    listed = owner.get(WEBHOOKS).json()["results"]
    assert [e["id"] for e in listed] == [body["id"]]
    assert "secret" not in listed[0]
    assert "secret" not in owner.get(f"{WEBHOOKS}/{body['id']}").json()

    refused = _create(owner, "https://hooks.example.com/x", "issue.exploded")
    assert refused.status_code == 400
    assert refused.json()["errors"][0]["field"].startswith("event_types")


@pytest.mark.django_db
def test_after_a_rotation_both_secrets_verify_until_the_old_one_expires(
    world, receiver, private_allowed, as_user
):
    # Given an endpoint whose secret was rotated
    owner = as_user(world.owner)
    created = _create(owner, receiver.url).json()
    rotated = owner.post(f"{WEBHOOKS}/{created['id']}/rotate-secret")
    assert rotated.status_code == 200, rotated.content
    new_secret = rotated.json()["secret"]
    assert new_secret != created["secret"]

    # When an event is delivered
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Rotated")
    (delivery,) = _plan_since(mark)
    webhook_delivery_send(delivery_id=delivery.pk)

    # Then a receiver holding either secret accepts it
    (request,) = receiver.wait_for(1)
    assert len(request.headers["webhook-signature"].split()) == 2
    assert _verify(request, created["secret"])
    assert _verify(request, new_secret)

    # And once the old secret expired, only the new one signs
    WebhookEndpoint.objects.update(previous_secret_expires_at=timezone.now())
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Later")
    (later,) = [d for d in _plan_since(mark) if d.pk != delivery.pk]
    webhook_delivery_send(delivery_id=later.pk)
    second = receiver.wait_for(2)[1]
    assert _verify(second, new_secret)
    assert not _verify(second, created["secret"])


@pytest.mark.django_db
def test_the_delivery_log_shows_attempts_and_a_redelivery_keeps_the_webhook_id(
    world, receiver, private_allowed, as_user, django_capture_on_commit_callbacks
):
    owner = as_user(world.owner)
    endpoint_id = _create(owner, receiver.url).json()["id"]
    mark = _mark()
    issue_update(access=world.access("member"), issue=world.eng_issue, title="Logged")
    (delivery,) = _plan_since(mark)
    receiver.answer(404)
    webhook_delivery_send(delivery_id=delivery.pk)

    # The log: the delivery, its id, and the receiver's answer
    log = owner.get(f"{WEBHOOKS}/{endpoint_id}/deliveries")
    assert log.status_code == 200, log.content
    (entry,) = log.json()["results"]
    assert entry["webhook_id"] == f"msg_{delivery.pk.hex}"
    assert entry["status"] == "pending"
    assert entry["event_name"] == "issue.updated"
    assert [a["status_code"] for a in entry["attempts_log"]] == [404]

    # A redelivery is due at once and carries the same webhook-id
    with django_capture_on_commit_callbacks(execute=False):
        redelivered = owner.post(f"{WEBHOOKS}/{endpoint_id}/deliveries/{delivery.pk}/redeliver")
    assert redelivered.status_code == 202, redelivered.content
    assert webhook_delivery_send(delivery_id=delivery.pk).result == "sent"
    first, second = receiver.wait_for(2)
    assert first.webhook_id == second.webhook_id
    assert [
        a["status_code"]
        for a in owner.get(f"{WEBHOOKS}/{endpoint_id}/deliveries").json()["results"][0][
            "attempts_log"
        ]
    ] == [200, 404]

    # Another workspace's admin cannot see or redeliver it
    outsider = as_user(world.outsider)
    path = f"{WEBHOOKS}/{endpoint_id}/deliveries/{delivery.pk}/redeliver"
    assert outsider.post(path).status_code == 404
