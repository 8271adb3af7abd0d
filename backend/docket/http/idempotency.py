"""`Idempotency-Key` on POST, handled by the view itself (docket.core.idempotency keeps the keys).

The first request with a key runs and its answer is kept; a retry with the same key and request
gets that answer again, with `Idempotent-Replayed: true`. A keyed POST runs in one transaction on
the primary, from the claim to the stored answer: the answer commits with the change or neither
does, so a process killed (or a database lost) mid-request leaves no claim behind and the retry
runs afresh, once (docket.core.idempotency).

The key is claimed at the end of `initial()`, once every check a fresh request passes has
passed: authentication, permissions (a token's scope), the rate limits (a replay is counted like
any request; a 429 claims nothing), and the tenancy base's own (membership of the workspace, the
project or issue in the URL visible). A replay is therefore served only to a caller who could
make the request now, and only in the key's scope (`idempotency_scope`): the same user, with the
same credential, and on workspace endpoints the same membership and role. Anonymous POSTs (sign
in, sign up, refresh, logout) take no key: no credential to scope it to, and their answers hold
credentials. Stored answers are sealed (docket.core.idempotency), so an answer holding a secret
(a token, a signing secret, an invitation link) may be kept and replayed.
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
from docket.core.access import TokenGrant
from docket.core.models import IdempotencyRecord
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

    _idempotency_claim: tuple[int, idempotency.KeyMaterial] | None = None

    def takes_idempotency_key(self, request: Request) -> bool:
        """Whether this request's key is claimed: a POST by an authenticated caller."""
        return request.method == "POST" and request.user.is_authenticated

    def establish_access(self, request: Request, *args: Any, **kwargs: Any) -> None:
        """The checks of a view base beyond DRF's (the tenancy bases: membership, the project
        or issue in the URL), run after DRF's and before the key is claimed."""

    def idempotency_scope(self, request: Request) -> str:
        """Who may replay an answer: the same user with the same credential (a personal access
        token, or the user's own sessions). The tenancy bases add the membership and role."""
        grant = request.auth if isinstance(request.auth, TokenGrant) else None
        credential = f"token:{grant.token_id}" if grant else "session"
        return f"user:{request.user.pk}|{credential}"

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)  # negotiation, auth, permissions, throttles
        self.establish_access(request, *args, **kwargs)
        answer = self._claim_idempotency_key(request)
        if answer is not None:
            raise _Answered(answer)

    # The stubs say Response; DRF takes any HttpResponseBase (finalize_response checks that).
    def handle_exception(self, exc: Exception) -> HttpResponseBase:  # type: ignore[override]
        if isinstance(exc, _Answered):
            return exc.response
        return super().handle_exception(exc)

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        self._idempotency_claim = None
        if not (request.method == "POST" and "Idempotency-Key" in request.headers):
            return super().dispatch(request, *args, **kwargs)
        with transaction.atomic(using=router.db_for_write(IdempotencyRecord)):
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
        material = idempotency.KeyMaterial.derive(scope=self.idempotency_scope(request), key=key)
        outcome = idempotency.idempotency_claim(
            user_id=request.user.pk,
            material=material,
            fingerprint=material.fingerprint(
                method="POST", path=request.get_full_path(), body=body
            ),
        )
        if isinstance(outcome, idempotency.Claimed):
            self._idempotency_claim = (outcome.claim_id, material)
            return None
        if isinstance(outcome, idempotency.Replay):
            replay = HttpResponse(outcome.body, status=outcome.status)
            for name, value in outcome.headers.items():
                replay[name] = value
            replay["Idempotent-Replayed"] = "true"
            # The answer may hold a secret shown once (a token, a signing secret).
            replay["Cache-Control"] = "no-store"
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
        its transaction, sealed; or roll the whole request back (5xx, a 429, a stream), claim
        included, so that a retry runs afresh."""
        claim, self._idempotency_claim = self._idempotency_claim, None
        if claim is None:
            return
        claim_id, material = claim
        status = response.status_code
        keep = (200 <= status < 300 or 400 <= status < 500) and (
            status != 429 and not response.streaming
        )
        if not keep:
            transaction.set_rollback(True, using=router.db_for_write(IdempotencyRecord))
            return
        if isinstance(response, SimpleTemplateResponse):
            # Rendered here rather than by Django's handler, which renders it once only.
            response.render()
        _pause_before_storing_for_tests()
        idempotency.idempotency_store(
            claim_id=claim_id,
            material=material,
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
