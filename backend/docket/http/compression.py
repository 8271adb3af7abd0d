"""Compression of JSON answers: brotli where the client accepts it, else gzip.

A 100-issue page is about 73 KB of JSON and a tenth of that compressed (bench/README.md).
Only JSON bodies of at least `COMPRESS_MIN_BYTES` are compressed; sign-in and refresh answers
never are (they carry credentials, and a compressed secret next to reflected input is what
BREACH-style attacks measure). A strong ETag names one representation, so a compressed answer's
tag gets the coding as a suffix (`"3-…-br"`, as Apache does); conditional requests accept the
tag with or without it (`docket.http.conditional`).
"""

from __future__ import annotations

import gzip
from collections.abc import Callable

import brotli
from django.conf import settings
from django.http import HttpRequest, HttpResponseBase
from django.utils.cache import patch_vary_headers

JSON_TYPES = ("application/json", "application/problem+json")
# Answers that hold credentials are left as they are.
UNCOMPRESSED_PATHS = ("/api/v1/auth/",)
# Speed over the last few percent: these run on every large answer, on the request's thread.
BROTLI_QUALITY = 4
GZIP_LEVEL = 6


def _accepted(header: str) -> set[str]:
    """Codings the client accepts (q=0 means refused)."""
    accepted = set()
    for part in header.split(","):
        coding, _, params = part.strip().partition(";")
        q = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            refused = float(q) == 0
        except ValueError:
            refused = True
        if coding and not refused:
            accepted.add(coding.strip().lower())
    return accepted


def choose_coding(accept_encoding: str) -> str | None:
    accepted = _accepted(accept_encoding)
    if "br" in accepted:
        return "br"
    if "gzip" in accepted:
        return "gzip"
    return None


def _suffixed(etag: str, coding: str) -> str:
    suffix = "br" if coding == "br" else "gz"
    if etag.endswith('"'):
        return f'{etag[:-1]}-{suffix}"'
    return etag


class CompressionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        if response.streaming or response.has_header("Content-Encoding"):
            return response
        content_type = response.get("Content-Type", "").split(";")[0].strip()
        if content_type not in JSON_TYPES or request.path.startswith(UNCOMPRESSED_PATHS):
            return response
        # Whatever is chosen below, the answer depends on Accept-Encoding.
        patch_vary_headers(response, ("Accept-Encoding",))
        body: bytes = response.content  # type: ignore[attr-defined]
        coding = choose_coding(request.headers.get("Accept-Encoding", ""))
        if coding is None or len(body) < settings.COMPRESS_MIN_BYTES:
            return response
        if coding == "br":
            compressed = brotli.compress(body, quality=BROTLI_QUALITY)
        else:
            compressed = gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
        if len(compressed) >= len(body):
            return response
        response.content = compressed  # type: ignore[attr-defined]
        response["Content-Encoding"] = coding
        response["Content-Length"] = str(len(compressed))
        if response.has_header("ETag"):
            response["ETag"] = _suffixed(response["ETag"], coding)
        return response
