"""Shared model bases and the event log (the transactional outbox)."""

from collections.abc import Sequence

from django.conf import settings
from django.db import models
from django.db.models import Func

from docket.core.ids import uuid7


class BaseModel(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid7, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class CurrentTransactionId(Func):
    """The id of the transaction running the statement (xid8: epoch-extended, never wraps)."""

    template = "(pg_current_xact_id()::text::bigint)"
    output_field = models.BigIntegerField()


class CommittedHorizon(Func):
    """Every transaction with a smaller id has finished, committed or rolled back; rows they
    wrote are all visible now, and no new row can ever carry a smaller id."""

    template = "(pg_snapshot_xmin(pg_current_snapshot())::text::bigint)"
    output_field = models.BigIntegerField()


class Event(models.Model):
    """An append-only record of one change, written in the same transaction as the change.

    Readers (the change feed, the relay) go in commit-safe order: `id` comes from a sequence, so
    a transaction that took id 10 can commit after one that took id 11, and a reader that
    followed ids would skip 10 for good. Each row records the id of the transaction that wrote
    it (`txid`), and readers take only rows below the oldest transaction still running
    (`CommittedHorizon`), in (txid, id) order: nothing can appear behind a reader's position.
    The horizon is the cluster's: a transaction left open anywhere on the server delays what
    readers see (it never loses anything), so long transactions are to be avoided.
    The workspace, project and subject are plain ids rather than foreign keys so the record of a
    deletion outlives the deleted rows.
    """

    id = models.BigAutoField(primary_key=True)
    workspace_id = models.UUIDField()
    project_id = models.UUIDField(null=True, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        related_name="+",
    )
    name = models.CharField(max_length=64)
    subject_type = models.CharField(max_length=32)
    subject_id = models.UUIDField()
    # A human label for the subject at the time of the event, e.g. "ENG-42" or a project name.
    subject_label = models.CharField(max_length=200, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=False)
    # Null only for rows written before the column existed (backfilled with 0: long committed).
    txid = models.BigIntegerField(
        null=True,
        editable=False,
        db_default=CurrentTransactionId(),
    )

    class Meta:
        indexes = [
            models.Index(fields=["workspace_id", "id"], name="event_workspace_id_idx"),
            models.Index(fields=["subject_type", "subject_id", "id"], name="event_subject_id_idx"),
            models.Index(fields=["workspace_id", "txid", "id"], name="event_workspace_commit_idx"),
            models.Index(fields=["txid", "id"], name="event_commit_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.name} {self.subject_type}:{self.subject_id}"


class ConsumerPosition(models.Model):
    """How far one consumer of the event log got: the (txid, id) of the last event it handled.

    Updated in the same transaction as the consumer's own writes, so a crash replays the batch
    instead of losing it; consumers are idempotent, so a replay changes nothing twice.
    """

    name = models.CharField(max_length=64, primary_key=True)
    txid = models.BigIntegerField(default=0)
    event_id = models.BigIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.name} at ({self.txid}, {self.event_id})"


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    SENDING = "sending", "Sending"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"


class MailDelivery(models.Model):
    """One email to send at least once, and twice only across a crash (sent by
    docket.core.mail). A sender claims it (pending -> sending, for a lease) before talking to
    the SMTP server, so no two live senders, retries or redeliveries send it at the same time;
    one whose sender died mid-send is taken back once the lease is over and sent again, with the
    same stable `message_id`. Concrete deliveries add what the mail is about and that
    `message_id`; their Meta takes the rules every delivery table has (names are per table) from
    `mail_delivery_rules`."""

    id = models.BigAutoField(primary_key=True)
    status = models.CharField(
        max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    # --- Delivery timing (docket.core.mail): leases and the retry schedule -------------------
    # Nullable, so adding them rewrote no table; a null reads as "now" / "no lease".
    # When a pending delivery may be tried again (a transient failure's backoff).
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # The sender's lease on a `sending` claim: past it the sender is presumed dead, and the
    # sweep hands the delivery out again.
    claimed_until = models.DateTimeField(null=True, blank=True)
    # A task for it sits in the broker until then (enqueued, or a retry's countdown): the sweep
    # does not enqueue another, so the queue holds at most one task per delivery.
    queued_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def message_id(self) -> str:
        raise NotImplementedError


def mail_delivery_rules(
    table: str,
    *,
    constraints: Sequence[models.BaseConstraint] = (),
    pending_index: str | None = None,
) -> tuple[list[models.BaseConstraint], list[models.Index]]:
    """The Meta `constraints` and `indexes` of a concrete MailDelivery: its own `constraints`,
    a valid status, and the partial index senders scan for pending mail. Named after `table`
    (constraint and index names are per database, so an abstract Meta cannot hold them);
    `pending_index` keeps an index name that predates the naming rule."""
    return (
        [
            *constraints,
            models.CheckConstraint(
                condition=models.Q(status__in=DeliveryStatus.values), name=f"{table}_status_valid"
            ),
        ],
        [
            models.Index(
                fields=["created_at"],
                name=pending_index or f"{table}_pending_idx",
                condition=models.Q(status="pending"),
            ),
        ],
    )


class IdempotencyKey(models.Model):
    """Superseded by IdempotencyRecord (keys kept in clear, scoped per user only): kept while
    the previous release still runs beside this one, then dropped. Beat empties it in 24 hours.

    In PostgreSQL rather than Redis: the promise "this POST will not run twice" must outlive a
    Redis restart or eviction (the cache evicts under memory pressure), and the claim is one
    INSERT ... ON CONFLICT on a unique (user, key) index, committed before the view runs.
    """

    id = models.BigAutoField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=255)
    # sha256 of method, path and body: the same key with another request is refused.
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    # Null while the first request is in flight.
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    response_headers = models.JSONField(default=dict, blank=True)
    response_body = models.BinaryField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="idempotency_key_unique"),
        ]
        indexes = [models.Index(fields=["created_at"], name="idempotency_key_created_idx")]

    def __str__(self) -> str:
        return f"{self.key} of {self.user_id}"


class IdempotencyRecord(models.Model):
    """A POST made with an `Idempotency-Key` (docket.core.idempotency): claimed inside the
    request's transaction, then holding its answer for 24 hours so a retry gets the same one.

    Nothing here is readable without the client's key: the row is found by an HMAC of the key
    and its scope (user, credential, membership and role), the fingerprint is keyed by it, and
    the answer (status aside) is sealed with AES-GCM under a key derived from the client's key
    and the server secret. A database reader sees neither keys nor the secrets an answer holds.

    In PostgreSQL rather than Redis: the promise "this POST will not run twice" must outlive a
    Redis restart or eviction.
    """

    id = models.BigAutoField(primary_key=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    # HMAC-SHA256 (hex) of the scope and the client's key, under the server secret.
    lookup = models.CharField(max_length=64, unique=True)
    # HMAC (hex) of method, path and body under the row's own key: another request is refused.
    fingerprint = models.CharField(max_length=64)
    created_at = models.DateTimeField()
    # Null while the first request is in flight.
    response_status = models.PositiveSmallIntegerField(null=True, blank=True)
    # AES-GCM nonce + ciphertext of the stored headers and body.
    response_sealed = models.BinaryField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["created_at"], name="idempotency_record_created_idx")]

    def __str__(self) -> str:
        return f"idempotency record {self.pk} of {self.user_id}"
