"""`Idempotency-Key` on POST, handled by the view itself (docket.core.idempotency keeps the keys).

The first request with a key runs and its answer is kept; a retry with the same key and request
gets that answer again, with `Idempotent-Replayed: true`. A keyed POST runs in one transaction on
the primary, from the claim to the stored answer: the answer commits with the change or neither
does, so a process killed (or a database lost) mid-request leaves no claim behind and the retry
runs afresh, once (docket.core.idempotency). The key is claimed inside DRF's
`initial()`, once the caller is authenticated and their permissions checked, and before their
rate limits are counted: a replay does no work and spends none of the budget, and a refusal by
the limiter (429) releases the claim. Anonymous POSTs (their answers hold credentials) and views
that set `idempotency_keys = False` (answers holding secrets) take no key.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import router, transaction
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.template.response import SimpleTemplateResponse
from rest_framework import views
from rest_framework.request import Request

from docket.core import idempotency
from docket.core.models import IdempotencyKey
from docket.http.problems import problem_json

# What a replay repeats besides status and body; the rest (request id, cache headers, rate-limit
# fields) is the replaying request's own.
STORED_HEADERS = ("Content-Type", "Location", "ETag")


class _Answered(Exception):
    """Ends a request from inside `initial()` with its answer: a replay or a refusal."""

    def __init__(self, response: HttpResponseBase) -> None:
        super().__init__()
        self.response = response


class IdempotencyKeys(views.APIView):
    """The Idempotency-Key handling every view of the API inherits (through the bases in
    docket.http.views)."""

    # False on views whose answers hold secrets that must not be stored.
    idempotency_keys = True
    _idempotency_claim_id: int | None = None

    def takes_idempotency_key(self, request: Request) -> bool:
        """Whether this request's key is claimed: a POST by an authenticated caller, to a view
        whose answers may be stored."""
        return request.method == "POST" and self.idempotency_keys and request.user.is_authenticated

    def check_throttles(self, request: Request) -> None:
        # The last step of DRF's initial(), after authentication and the permission checks.
        answer = self._claim_idempotency_key(request)
        if answer is not None:
            raise _Answered(answer)
        super().check_throttles(request)

    # The stubs say Response; DRF takes any HttpResponseBase (finalize_response checks that).
    def handle_exception(self, exc: Exception) -> HttpResponseBase:  # type: ignore[override]
        if isinstance(exc, _Answered):
            return exc.response
        return super().handle_exception(exc)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self._idempotency_claim_id = None
        if not (
            request.method == "POST"
            and self.idempotency_keys
            and "Idempotency-Key" in request.headers
        ):
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic(using=router.db_for_write(IdempotencyKey)):
            response = super().dispatch(request, *args, **kwargs)
            self._keep_or_roll_back(response)
        return response

    def _claim_idempotency_key(self, request: Request) -> HttpResponseBase | None:
        """Claim the request's key; or the answer that ends the request now (a replay, a key in
        flight or reused, a malformed key)."""
        key = request.headers.get("Idempotency-Key")
        if request.method != "POST" or key is None:
            return None
        if not idempotency.is_valid_key(key):
            return problem_json(
                request,
                status_code=400,
                code="invalid_idempotency_key",
                title="Bad request",
                detail="Idempotency-Key must be 1 to 255 printable ASCII characters.",
            )
        if not self.takes_idempotency_key(request):
            return None
        try:
            body = request.body
        except RequestDataTooBig:
            return None  # the handler answers 413
        outcome = idempotency.idempotency_claim(
            user_id=request.user.pk,
            key=key,
            fingerprint=idempotency.request_fingerprint(
                method="POST", path=request.get_full_path(), body=body
            ),
        )
        if isinstance(outcome, idempotency.Claimed):
            self._idempotency_claim_id = outcome.claim_id
            return None
        if isinstance(outcome, idempotency.Replay):
            replay = HttpResponse(outcome.body, status=outcome.status)
            for name, value in outcome.headers.items():
                replay[name] = value
            replay["Idempotent-Replayed"] = "true"
            return replay
        if isinstance(outcome, idempotency.InFlight):
            return problem_json(
                request,
                status_code=409,
                code="idempotency_key_in_flight",
                title="Conflict",
                detail="A request with this Idempotency-Key is still in progress; retry later.",
            )
        return problem_json(
            request,
            status_code=422,
            code="idempotency_key_reused",
            title="Unprocessable content",
            detail="This Idempotency-Key was used for a different request.",
        )

    def _keep_or_roll_back(self, response: HttpResponseBase) -> None:
        """Store the answer of a claimed request (2xx and 4xx, as the client will see it) in
        its transaction; or roll the whole request back (5xx, a throttled 429, a stream), claim
        included, so that a retry runs afresh."""
        claim_id, self._idempotency_claim_id = self._idempotency_claim_id, None
        if claim_id is None:
            return
        status = response.status_code
        keep = (200 <= status < 300 or 400 <= status < 500) and (
            status != 429 and not response.streaming
        )
        if not keep:
            transaction.set_rollback(True, using=router.db_for_write(IdempotencyKey))
            return
        if isinstance(response, SimpleTemplateResponse):
            # Rendered here rather than by Django's handler, which renders it once only.
            response.render()
        _pause_before_storing_for_tests()
        idempotency.idempotency_store(
            claim_id=claim_id,
            status=status,
            headers={name: response[name] for name in STORED_HEADERS if name in response},
            body=response.content,  # type: ignore[attr-defined]  # not streaming
        )


def _pause_before_storing_for_tests() -> None:
    """IDEMPOTENCY_TEST_PAUSE_FILE (tests and chaos runs only): the first keyed POST to answer
    writes its process id to that file and waits before its answer is stored and its
    transaction commits, so a test can kill the process in exactly this window; once the file
    exists, requests go on."""
    marker = settings.IDEMPOTENCY_TEST_PAUSE_FILE
    if marker and not Path(marker).exists():
        Path(marker).write_text(str(os.getpid()))
        time.sleep(60)
