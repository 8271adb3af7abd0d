"""`Idempotency-Key` on POST, handled by the view itself (docket.core.idempotency keeps the keys).

The first request with a key runs and its answer is kept; a retry with the same key and request
gets that answer again, with `Idempotent-Replayed: true`. The key is claimed inside DRF's
`initial()`, once the caller is authenticated and their permissions checked, and before their
rate limits are counted: a replay does no work and spends none of the budget, and a refusal by
the limiter (429) releases the claim. Anonymous POSTs (their answers hold credentials) and views
that set `idempotency_keys = False` (answers holding secrets) take no key.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.template.response import SimpleTemplateResponse
from rest_framework import views
from rest_framework.request import Request

from docket.core import idempotency
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
        try:
            response = super().dispatch(request, *args, **kwargs)
            self._keep_or_release(response)
        except BaseException:
            self._release_claim()
            raise
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

    def _keep_or_release(self, response: HttpResponseBase) -> None:
        """Store the answer of a claimed request (2xx and 4xx, as the client will see it), or
        release the claim (5xx, a throttled 429, a stream) so that a retry runs afresh."""
        claim_id, self._idempotency_claim_id = self._idempotency_claim_id, None
        if claim_id is None:
            return
        status = response.status_code
        keep = (200 <= status < 300 or 400 <= status < 500) and (
            status != 429 and not response.streaming
        )
        if not keep:
            idempotency.idempotency_release(claim_id=claim_id)
            return
        if isinstance(response, SimpleTemplateResponse):
            # Rendered here rather than by Django's handler, which renders it once only.
            response.render()
        try:
            idempotency.idempotency_store(
                claim_id=claim_id,
                status=status,
                headers={name: response[name] for name in STORED_HEADERS if name in response},
                body=response.content,  # type: ignore[attr-defined]  # not streaming
            )
        except BaseException:
            idempotency.idempotency_release(claim_id=claim_id)
            raise

    def _release_claim(self) -> None:
        claim_id, self._idempotency_claim_id = self._idempotency_claim_id, None
        if claim_id is not None:
            idempotency.idempotency_release(claim_id=claim_id)
